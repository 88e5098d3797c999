// Handlebars' parser on its own (the package declares types for its main entry only): the
// letters render templates themselves, without the compiler that generates JavaScript.
declare module 'handlebars/dist/cjs/handlebars/compiler/base' {
  export const parse: typeof import('handlebars').parse;
}
