export { Link, navigate, usePathname, useSearch, type LinkProps } from './router';
