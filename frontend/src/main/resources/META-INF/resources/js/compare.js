import { startSwipe } from './swipe.js';
import { CONTROL_LINES, controlLineLayer } from './controllines.js';
import { versionName } from './history.js';
import { t } from './i18n.js';

// 对比 in the history panel: the old version left of the swipe, the current line right of it, both as the line's
// tiles are drawn (the old one with version=N). The line's own overlay steps aside meanwhile, since it would show
// the current version on both sides. `printed()` says what a print made meanwhile shows of the compared line: the
// older version, the side the planner opened the comparison for, as `id@N` (null when not comparing).
export function versionComparer(map, overlays) {
  let compared = null;
  function compare(layerId, old, current) {
    const line = CONTROL_LINES.find((l) => l.id === layerId);
    const overlay = overlays[layerId];
    const wasShown = Boolean(overlay) && map.hasLayer(overlay);
    if (wasShown) map.removeLayer(overlay);
    const swipe = startSwipe(map, {
      left: (pane) => controlLineLayer(line, old.layerVersion, pane, old.version),
      right: (pane) => controlLineLayer(line, current.layerVersion, pane),
      leftLabel: versionName(old),
      rightLabel: t('当前 · {name}', { name: versionName(current) }),
    });
    compared = { layer: `${layerId}@${old.version}`, label: `${t(line.title)} · ${versionName(old)}` };
    return () => {
      swipe.stop();
      compared = null;
      if (wasShown) map.addLayer(overlay);
    };
  }
  return { compare, printed: () => compared };
}
