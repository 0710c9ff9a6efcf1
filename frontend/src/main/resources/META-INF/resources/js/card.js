import { BASIS, tierColour } from './tiers.js';

const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

// The county card: where the unit is, its tier, and exactly how the tier was obtained.
export function showCounty(element, county) {
  const basis = county.tierBasis === 'corrected'
    ? `${BASIS.corrected}（原文作“${escape(county.tierSeedName)}”）`
    : county.tierBasis === 'inherited'
      ? `${BASIS.inherited}（${escape(county.tierSeedName)}）`
      : BASIS[county.tierBasis];
  element.innerHTML = `<button class="close" type="button" aria-label="关闭">×</button>
    <h2>${escape(county.name)}</h2>
    <div>${escape(county.cityName)} · ${escape(county.kind)} · ${escape(county.adcode)}</div>
    <dl>
      <dt>规模等级</dt><dd><span class="tier" style="background:${tierColour(county.tier)};color:${county.tier.startsWith('I型小') || county.tier.startsWith('II型小') ? '#243b53' : '#fff'}">${escape(county.tier)}</span> ${escape(county.tierPopulation)}</dd>
      <dt>等级依据</dt><dd>${basis}</dd>
      <dt>面积</dt><dd>${Number(county.areaKm2).toLocaleString('zh-CN')} km²</dd>
    </dl>
    <p class="source">出处：${escape(county.tierSource)}</p>`;
  element.hidden = false;
  element.querySelector('.close').addEventListener('click', () => { element.hidden = true; });
}
