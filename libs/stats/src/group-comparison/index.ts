export { welchTTest, type WelchTTestResult } from './welch-t-test';
