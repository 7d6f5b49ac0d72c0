export { LoginContainer, type LoginContainerProps } from './login-container';
export { LoginForm, type LoginFormProps } from './login-form';
