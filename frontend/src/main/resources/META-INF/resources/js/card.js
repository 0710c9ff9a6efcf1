import { BASIS, tierColour } from './tiers.js';

import { escape } from './text.js';

const DARK_TEXT_TIERS = ['I型小城市', 'II型小城市'];
const tierBadge = (tier, band) => `<span class="tier" style="background:${tierColour(tier)};color:${
  DARK_TEXT_TIERS.includes(tier) ? '#243b53' : '#fff'}">${escape(tier)}</span> ${escape(band)}`;
const ROLE = { core: '核心', radiated: '辐射带动' };

function frame(element, title, subtitle, body) {
  element.innerHTML = `<button class="close" type="button" aria-label="关闭">×</button>
    <h2>${escape(title)}</h2><div class="subtitle">${subtitle}</div>${body}`;
  element.hidden = false;
  element.scrollTop = 0;
  element.querySelector('.close').addEventListener('click', () => element.dispatchEvent(new Event('close')));
}

const placeLink = (kind, id, name) => `<a href="#" data-place="${kind}:${escape(id)}">${escape(name)}</a>`;

function cityTarget(city) {
  if (!city || city.urbanizationRate2025 == null) return '';
  return `<dt>${escape(city.name)}目标</dt><dd>2025年常住人口城镇化率 <b>${city.urbanizationRate2025}%</b>
    <div class="direction">${escape(city.direction)}</div><div class="source">出处：${escape(city.targetSource)}</div></dd>`;
}

// The county card: where the unit is, its tier and exactly how it was obtained, its place in the plan's
// structure, and its city's 专栏2 target. Passages and tasks are filled in when they arrive.
export function showCounty(element, c, { city, groups, regions }) {
  const basis = c.tierBasis === 'corrected'
    ? `${BASIS.corrected}（原文作“${escape(c.tierSeedName)}”）`
    : c.tierBasis === 'inherited' ? `${BASIS.inherited}（${placeLink('city', c.cityAdcode, c.tierSeedName)}）` : BASIS[c.tierBasis];
  const groupRows = groups.length
    ? groups.map((g) => `${placeLink('group', g.group.id, g.group.name)}（${ROLE[g.role]}${g.group.pattern ? `，“${escape(g.group.pattern)}”格局` : ''}）`).join('<br>')
    : '—';
  const regionRows = regions.length ? regions.map((r) => placeLink('region', r.id, r.name)).join('、') : '—';
  frame(element, c.name, `${placeLink('city', c.cityAdcode, c.cityName)} · ${escape(c.kind)} · ${escape(c.adcode)}`, `<dl>
      <dt>规模等级</dt><dd>${tierBadge(c.tier, c.tierPopulation)}</dd>
      <dt>等级依据</dt><dd>${basis}<div class="source">出处：${escape(c.tierSource)}</div></dd>
      <dt>城镇群</dt><dd class="groups">${groupRows}</dd>
      <dt>一群两区三圈</dt><dd class="regions">${regionRows}</dd>
      ${cityTarget(city)}
      <dt>面积</dt><dd>${Number(c.areaKm2).toLocaleString('zh-CN')} km²</dd>
    </dl><section class="passages"><h3>规划原文</h3><p class="loading">正在查找…</p></section>
    <section class="tasks" hidden></section>`);
}

export function showCity(element, city, counties) {
  frame(element, city.name, `地级市 · ${escape(city.adcode)} · ${city.countyCount} 个县级单元`, `<dl>
      <dt>规模等级</dt><dd>${tierBadge(city.tier, city.tierPopulation)}<div class="source">出处：${escape(city.tierSource)}</div></dd>
      ${cityTarget(city)}
      <dt>县级单元</dt><dd>${counties.map((c) => placeLink('county', c.adcode, c.name)).join('、')}</dd>
      <dt>面积</dt><dd>${Number(city.areaKm2).toLocaleString('zh-CN')} km²</dd>
    </dl><section class="passages"><h3>规划原文</h3><p class="loading">正在查找…</p></section>
    <section class="tasks" hidden></section>`);
}

export function showGroup(element, g) {
  const names = (codes, labels) => codes.map((code, i) => placeLink('county', code, labels[i])).join('、');
  frame(element, g.name, `区域性城镇群${g.pattern ? ` · “${escape(g.pattern)}”格局` : ''}`, `<dl>
      <dt>核心</dt><dd>${names(g.core, g.coreNames)}</dd>
      ${g.radiated.length ? `<dt>辐射带动</dt><dd>${names(g.radiated, g.radiatedNames)}</dd>` : ''}
      <dt>面积</dt><dd>${Number(g.areaKm2).toLocaleString('zh-CN')} km²</dd>
    </dl><blockquote>${escape(g.sourceQuote)}</blockquote><p class="source">出处：${escape(g.source)}</p>
    ${g.note ? `<p class="note">${escape(g.note)}</p>` : ''}
    <section class="passages"><h3>规划原文</h3><p class="loading">正在查找…</p></section>`);
}

export function showRegion(element, r) {
  const schematic = r.geometryBasis === 'schematic';
  frame(element, r.name, `${escape(r.kind)}${schematic ? ' · <span class="schematic">范围为示意</span>' : ''}`, `<dl>
      <dt>成员市</dt><dd>${r.memberNames.length ? r.members.map((code, i) => placeLink('city', code, r.memberNames[i])).join('、') : '规划未列出'}</dd>
      <dt>范围</dt><dd>${escape(r.extentNote)}</dd>
      ${r.areaKm2 != null ? `<dt>面积</dt><dd>${Number(r.areaKm2).toLocaleString('zh-CN')} km²${schematic ? '（示意）' : ''}</dd>` : ''}
    </dl><blockquote>${escape(r.sourceQuote)}</blockquote><p class="source">出处：${escape(r.source)}</p>
    ${r.note ? `<p class="note">${escape(r.note)}</p>` : ''}
    <section class="passages"><h3>规划原文</h3><p class="loading">正在查找…</p></section>`);
}
