export { I18nProvider, useI18n, type I18n } from './i18n-provider';
export { LanguageSwitch } from './language-switch';
export { MESSAGES, translate, type MessageKey, type Messages } from './messages';
