import { isNumberLiteral } from './number-literal';

describe('isNumberLiteral', () => {
  it('accepts what JavaScript and PostgreSQL print for numbers', () => {
    for (const text of ['0', '-3', '42', '2.5', '2.50', '-0.125', '1e-7', '1e+21', '-1.5E+10'])
      expect(isNumberLiteral(text)).toBe(true);
  });

  it('refuses text that only starts like a number, signs other than minus, and non-finite names', () => {
    for (const text of [
      '',
      '-',
      '+3',
      ' 3',
      '3 ',
      '-2+3',
      '1,5',
      '.5',
      '5.',
      '1e',
      '0x10',
      'NaN',
      'Infinity',
      '-Infinity',
      '18-24',
    ])
      expect(isNumberLiteral(text)).toBe(false);
  });
});
