// The task pane's entry. In Excel it shares its runtime with the custom functions.
const statusLine = document.getElementById('status');
if (statusLine) statusLine.textContent = 'The AgeBucket functions are loaded: type =AR.AGEBUCKET( in a cell.';

export {};
