/** mark.js's ES2015 build: the same API as 'mark.js', 3 KB smaller once minified (no ES5 helpers). */
declare module 'mark.js/dist/mark.es6.js' {
  import Mark from 'mark.js';
  export default Mark;
}
