import { describe, expect, it } from 'vitest';
import type { Profile } from '../shared/profile';
import { grantableRoles, mayManage, shareableLink, subtreeOf, tokenFromHash, treeOrder } from './model';

const caller = (role: Profile['role']): Profile => ({ id: 'me', role } as Profile);

describe('people rules', () => {
  it('follows the server access policy', () => {
    expect(mayManage(caller('ADMIN'), { id: 'x', role: 'ADMIN' })).toBe(true);
    expect(mayManage(caller('ADMIN'), { id: 'me', role: 'ADMIN' })).toBe(false);
    expect(mayManage(caller('DIRECTOR'), { id: 'x', role: 'ADMIN' })).toBe(false);
    expect(mayManage(caller('DIRECTOR'), { id: 'x', role: 'MANAGER' })).toBe(true);
    expect(mayManage(caller('MANAGER'), { id: 'x', role: 'REP' })).toBe(true);
    expect(mayManage(caller('MANAGER'), { id: 'x', role: 'MANAGER' })).toBe(false);
    expect(mayManage(caller('REP'), { id: 'x', role: 'REP' })).toBe(false);
    expect(grantableRoles(caller('DIRECTOR'))).not.toContain('ADMIN');
    expect(grantableRoles(caller('MANAGER'))).toEqual(['REP']);
  });
});

describe('team tree', () => {
  const teams = [
    { id: 'b', parentId: 'a', name: 'East' },
    { id: 'a', name: 'China' },
    { id: 'c', parentId: 'b', name: 'Shanghai' },
    { id: 'd', parentId: 'a', name: 'North' },
  ];
  it('orders parents before children with depths', () => {
    expect(treeOrder(teams).map((r) => `${r.team.id}${r.depth}`)).toEqual(['a0', 'b1', 'c2', 'd1']);
  });
  it('knows a subtree, where a team may not move', () => {
    expect([...subtreeOf(teams, 'b')].sort()).toEqual(['b', 'c']);
  });
});

describe('links', () => {
  it('shares only the app welcome page and reads its token back', () => {
    const token = 'abcdefghijklmnopqrstuvwxyz012345';
    const url = shareableLink({ userId: 'u', purpose: 'INVITE', path: `/welcome#token=${token}`, expiresAt: '' }, 'https://app.example');
    expect(url).toBe(`https://app.example/welcome#token=${token}`);
    expect(shareableLink({ userId: 'u', purpose: 'INVITE', path: 'https://evil.example/', expiresAt: '' }, 'https://app.example')).toBeUndefined();
    expect(tokenFromHash(`#token=${token}`)).toBe(token);
    expect(tokenFromHash('#token=<script>')).toBeUndefined();
  });
});
