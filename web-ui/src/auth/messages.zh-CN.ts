import type { en } from './messages.en';

/** 简体中文: the auth feature’s. */
export const zhCN: Record<keyof typeof en, string> = {
  'login.title': '登录',
  'login.intro': '销售团队的拜访、跟进、续约与回款。',
  'login.email': '邮箱',
  'login.password': '密码',
  'login.submit': '登录',
  'login.busy': '正在登录…',
  'login.badCredentials': '邮箱或密码不正确，请检查后重试。',
  'login.rateLimited': '尝试次数过多，请在 {seconds} 秒后重试。',
  'login.offline': '当前离线，登录需要网络连接。',

  'welcome.title': '欢迎使用 Canvass',
  'welcome.resetTitle': '设置新密码',
  'welcome.intro': '{name}，你好！请设置登录密码。',
  'welcome.resetIntro': '{name}，请设置新密码后重新登录。',
  'welcome.expires': '你将以 {email} 登录。此链接只能使用一次，有效期至 {date}。',
  'welcome.password': '新密码',
  'welcome.repeat': '再次输入密码',
  'welcome.rule': '至少 10 个字符；几个词组合起来就是好密码。',
  'welcome.mismatch': '两次输入的密码不一致。',
  'welcome.submit': '保存并登录',
  'welcome.used': '此链接已使用过。请用你的密码登录，或请对方重新发送链接。',
  'welcome.expired': '此链接已过期，请让发送者重新发送。',
  'welcome.replaced': '此链接之后又发送过新链接，请打开最新收到的链接。',
  'welcome.invalid': '此链接无效。请确认链接复制完整，或请对方重新发送。',
  'welcome.toSignIn': '前往登录',
};
