// A chunk of its own: Office in a dark theme is the exception, so the light pane does not carry it.
export { webDarkTheme } from '@fluentui/react-components';
