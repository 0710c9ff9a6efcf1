import { tierColour, textOn } from './tiers.js';
import { escape } from './text.js';

// The card beside the map: one frame, a body per kind of place. A county's card is drawn from its card
// document (/api/counties/{adcode}/card); cities, town groups and regions from their layer's properties.
const tierBadge = (tier, band) => `<span class="tier" style="background:${tierColour(tier)};color:${
  textOn(tierColour(tier))}">${escape(tier)}</span> ${escape(band)}`;
const placeLink = (kind, id, name) => `<a href="#" data-place="${kind}:${escape(id)}">${escape(name)}</a>`;
const target = (city, rate, direction, source) => `<dt>${escape(city)}目标</dt><dd>2025年常住人口城镇化率 <b>${rate}%</b>
    <div class="direction">${escape(direction)}</div><div class="source">出处：${escape(source)}</div></dd>`;
const area = (km2) => `${Number(km2).toLocaleString('zh-CN')} km²`;
const sections = (tasks) => `<section class="passages"><h3>规划原文</h3><p class="loading">正在查找…</p></section>
  ${tasks ? '<section class="tasks" hidden></section>' : ''}`;

function frame(element, title, subtitle, body) {
  element.innerHTML = `<button class="close" type="button" aria-label="关闭">×</button>
    <h2>${escape(title)}</h2><div class="subtitle">${subtitle}</div>${body}`;
  element.hidden = false;
  element.scrollTop = 0;
}

// The card's links: a place selects it, 在原文中查看 opens the reader there, × closes the card.
export function attachCard(element, { onPlace, onRead, onClose }) {
  element.addEventListener('click', (event) => {
    const target = event.target.closest('[data-place], [data-read], .close');
    if (!target) return;
    event.preventDefault();
    if (target.matches('.close')) onClose();
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
  if (tier.basis === 'corrected') return `${escape(tier.basisText)}（原文作“${escape(tier.seedName)}”）`;
  if (tier.basis === 'inherited') return `${escape(tier.basisText)}（${placeLink('city', city.id, tier.seedName)}）`;
  return escape(tier.basisText);
}

// A county-level unit: its tier and exactly how it was obtained, its place in the plan's structure, its
// city's 专栏2 target; the passages and tasks sections are left for renderPassages and renderTasks.
export function showCounty(element, card) {
  const groups = card.townGroups.length ? card.townGroups.map((g) => `${placeLink('group', g.id, g.name)}（${escape(g.roleText)}${
    g.pattern ? `，“${escape(g.pattern)}”格局` : ''}）`).join('<br>') : '—';
  const regions = card.regions.length ? card.regions.map((r) => placeLink('region', r.id, r.name)).join('、') : '—';
  const targets = card.cityTargets.map((t) => target(t.city, t.urbanizationRate2025, t.direction, t.source.text)).join('');
  frame(element, card.name, `${placeLink('city', card.city.id, card.city.name)} · ${escape(card.kind)} · ${escape(card.adcode)}`, `<dl>
      <dt>规模等级</dt><dd>${tierBadge(card.tier.label, card.tier.band)}</dd>
      <dt>等级依据</dt><dd>${basis(card)}<div class="source">出处：${escape(card.tier.source.text)}</div></dd>
      <dt>城镇群</dt><dd class="groups">${groups}</dd>
      <dt>一群两区三圈</dt><dd class="regions">${regions}</dd>
      ${targets}
      <dt>面积</dt><dd>${area(card.areaKm2)}</dd>
    </dl>${sections(true)}`);
}

export function showCity(element, city, counties) {
  frame(element, city.name, `地级市 · ${escape(city.adcode)} · ${city.countyCount} 个县级单元`, `<dl>
      <dt>规模等级</dt><dd>${tierBadge(city.tier, city.tierPopulation)}<div class="source">出处：${escape(city.tierSource)}</div></dd>
      ${city.urbanizationRate2025 == null ? '' : target(city.name, city.urbanizationRate2025, city.direction, city.targetSource)}
      <dt>县级单元</dt><dd>${counties.map((c) => placeLink('county', c.adcode, c.name)).join('、')}</dd>
      <dt>面积</dt><dd>${area(city.areaKm2)}</dd>
    </dl>${sections(true)}`);
}

export function showGroup(element, g) {
  const names = (codes, labels) => codes.map((code, i) => placeLink('county', code, labels[i])).join('、');
  frame(element, g.name, `区域性城镇群${g.pattern ? ` · “${escape(g.pattern)}”格局` : ''}`, `<dl>
      <dt>核心</dt><dd>${names(g.core, g.coreNames)}</dd>
      ${g.radiated.length ? `<dt>辐射带动</dt><dd>${names(g.radiated, g.radiatedNames)}</dd>` : ''}
      <dt>面积</dt><dd>${area(g.areaKm2)}</dd>
    </dl><blockquote>${escape(g.sourceQuote)}</blockquote><p class="source">出处：${escape(g.source)}</p>
    ${g.note ? `<p class="note">${escape(g.note)}</p>` : ''}${sections(false)}`);
}

export function showRegion(element, r) {
  const schematic = r.geometryBasis === 'schematic';
  frame(element, r.name, `${escape(r.kind)}${schematic ? ' · <span class="schematic">范围为示意</span>' : ''}`, `<dl>
      <dt>成员市</dt><dd>${r.memberNames.length ? r.members.map((code, i) => placeLink('city', code, r.memberNames[i])).join('、') : '规划未列出'}</dd>
      <dt>范围</dt><dd>${escape(r.extentNote)}</dd>
      ${r.areaKm2 != null ? `<dt>面积</dt><dd>${area(r.areaKm2)}${schematic ? '（示意）' : ''}</dd>` : ''}
    </dl><blockquote>${escape(r.sourceQuote)}</blockquote><p class="source">出处：${escape(r.source)}</p>
    ${r.note ? `<p class="note">${escape(r.note)}</p>` : ''}${sections(false)}`);
}
