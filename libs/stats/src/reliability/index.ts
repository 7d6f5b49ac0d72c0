export * from './cronbach-alpha';
export * from './mcdonald-omega';
export * from './intraclass-correlation';
