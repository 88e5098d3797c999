// Stylesheets bundled as text (webpack's asset/source): the letter preview frame's style.
declare module '*.css' {
  const text: string;
  export default text;
}
