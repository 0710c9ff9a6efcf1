// The URL hash keeps what a planner would send a colleague: the view, the visible layers and the
// selected feature, the place open in the reader (doc=file&at=offset) and the language (lang=en; Chinese,
// the default, is not written), e.g. #map=9/37.1100/111.7800&layers=counties,cities&sel=county:141181&lang=en
export function readPermalink(hash = window.location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = {};
  const view = (params.get('map') || '').split('/').map(Number);
  if (view.length === 3 && view.every(Number.isFinite)) {
    state.zoom = view[0];
    state.center = [view[1], view[2]];
  }
  if (params.has('layers')) state.layers = params.get('layers').split(',').filter(Boolean);
  if (params.has('sel')) {
    const [kind, id] = params.get('sel').split(':');
    if (kind && id) state.selection = { kind, id };
  }
  if (params.has('doc')) state.reading = { doc: params.get('doc'), at: params.has('at') ? Number(params.get('at')) : null };
  return state;
}

export function writePermalink({ zoom, center, layers, selection, reading, lang }) {
  const parts = [`map=${zoom.toFixed(2).replace(/\.?0+$/, '')}/${center.lat.toFixed(4)}/${center.lng.toFixed(4)}`,
    `layers=${layers.join(',')}`];
  if (selection) parts.push(`sel=${selection.kind}:${selection.id}`);
  if (reading) parts.push(`doc=${encodeURIComponent(reading.doc)}${reading.at == null ? '' : `&at=${reading.at}`}`);
  if (lang === 'en') parts.push('lang=en');
  const hash = `#${parts.join('&')}`;
  if (hash !== window.location.hash) history.replaceState(null, '', hash);
}
