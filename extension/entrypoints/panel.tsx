import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishMountPanel } from '../lazy/panel-handle.ts';
import { App } from '../panel/App.tsx';

/**
 * The panel's bundle: everything the teacher sees once they open the panel.
 * Not listed in the manifest; the background worker injects it into the
 * journal tab's isolated world on the first open (see lazy/load-panel.ts),
 * so the content script that runs on every journal page stays a launcher.
 */
export default defineUnlistedScript(() => {
  publishMountPanel((root, props) => {
    render(<App {...props} />, root);
    return () => render(null, root);
  });
});
