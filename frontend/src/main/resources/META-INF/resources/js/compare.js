import { startSwipe } from './swipe.js';
import { CONTROL_LINES, controlLineLayer, versionLayer } from './controllines.js';
import { versionName } from './history.js';
import { t } from './i18n.js';

// 对比 in the history panel: the old version left of the swipe, the current line (its tiles) right of it.
// The line's own overlay steps aside meanwhile, since it would show the current version on both sides.
export function versionComparer(map, overlays, onError) {
  return (layerId, old, current) => {
    const line = CONTROL_LINES.find((l) => l.id === layerId);
    const overlay = overlays[layerId];
    const wasShown = Boolean(overlay) && map.hasLayer(overlay);
    if (wasShown) map.removeLayer(overlay);
    const swipe = startSwipe(map, {
      left: (pane) => versionLayer(line, old.version, pane, onError),
      right: (pane) => controlLineLayer(line, current.layerVersion, pane),
      leftLabel: versionName(old),
      rightLabel: t('当前 · {name}', { name: versionName(current) }),
    });
    return () => {
      swipe.stop();
      if (wasShown) map.addLayer(overlay);
    };
  };
}
