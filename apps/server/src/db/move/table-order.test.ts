import { describe, expect, it } from 'vitest';
import { orderTablesByDependency } from './table-order.ts';

describe('orderTablesByDependency', () => {
  it('puts every table after the tables it references, ignoring references to itself', () => {
    const order = orderTablesByDependency([
      { name: 'takes', references: ['invitations', 'questions'] },
      { name: 'invitations', references: ['organisations'] },
      { name: 'questions', references: ['questions', 'organisations'] },
      { name: 'organisations', references: [] },
    ]);
    expect(order.indexOf('organisations')).toBe(0);
    expect(order.indexOf('takes')).toBe(3);
  });

  it('refuses tables that reference each other in a cycle', () => {
    expect(() =>
      orderTablesByDependency([
        { name: 'a', references: ['b'] },
        { name: 'b', references: ['a'] },
      ]),
    ).toThrow(/cycle/);
  });
});
