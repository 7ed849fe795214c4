/** The WPS build's task-pane entry: the polyfills first, then the same pane as in Excel. */
import './polyfills';
import '../taskpane/index';
