import type { en } from './messages.en';

/** 简体中文: the app’s own (shell, shared labels, server problems). */
export const zhCN: Record<keyof typeof en, string> = {
  'app.name': 'Canvass',
  'app.skip': '跳到主要内容',
  'lang.switchTo': 'English',

  'nav.label': '主导航',
  'nav.today': '今日',
  'nav.checkin': '签到',
  'nav.customers': '客户',
  'nav.team': '团队',
  'nav.me': '我的',

  'role.ADMIN': '管理员',
  'role.DIRECTOR': '销售总监',
  'role.MANAGER': '销售经理',
  'role.REP': '销售代表',
  'role.INTEGRATION': '系统集成',

  'problem.validation': '以下字段无效：{fields}',
  'problem.unauthorized': '登录已失效，请重新登录。',
  'problem.forbidden': '你无权执行此操作。',
  'problem.not-found': '未找到。',
  'problem.conflict': '与其他地方的更改冲突。',
  'problem.stale-version': '已被他人先行修改，请刷新后重试。',
  'problem.rate-limited': '请求过于频繁，请稍后重试。',
  'problem.unavailable': 'Canvass 暂时不可用，请稍后重试。',
  'problem.offline': '当前离线。',
  'problem.other': '出错了（{status}）。',

  'notFound.title': '页面不存在',
  'notFound.back': '返回今日',
  'loading': '加载中…',

  'cancel': '取消',

  'role.contact.DECISION_MAKER': '决策人',
  'role.contact.INFLUENCER': '影响者',
  'role.contact.USER': '使用者',
  'role.contact.GATEKEEPER': '把关人',
  'role.contact.OTHER': '其他',

  'nav.deals': '商机合同',

  'link.newTab': '在新标签页中打开',

  'metric.REVENUE': '销售额',
  'metric.NEW_CUSTOMERS': '新客户',
  'metric.EFFECTIVE_VISITS': '有效拜访',
  'metric.COLLECTIONS': '回款',
  'metric.DEALS_WON': '成交单数',
};
