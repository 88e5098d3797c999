// CSV files bundled as text (webpack's asset/source): the Preview's sample ledger.
declare module '*.csv' {
  const text: string;
  export default text;
}
