export { Link, navigate, usePathname, type LinkProps } from './router';
