export { normalCdf, normalUpperTail, normalQuantile } from './normal';
export { studentTCdf, studentTUpperTail, studentTQuantile } from './student-t';
export { fisherFCdf, fisherFUpperTail, fisherFQuantile } from './fisher-f';
export { chiSquareCdf, chiSquareUpperTail, chiSquareQuantile } from './chi-square';
export { studentTPValue, normalPValue } from './p-value';
