/**
 * The add-in's document settings as an .xlsx keeps them. Office stores a task-pane add-in's
 * document settings (the pane's saveSettings) in its web extension part, one
 * `<we:property name="key" value="JSON of the value"/>` per key
 * (xl/webextensions/webextensionN.xml, reached from taskpanes.xml, [MS-OWEXML]). Reading them lets
 * the CLI rank the way Excel does; writing them lets a downloaded file open with what the pane saved.
 */
import { isTopN, type RankMode } from '../core';
import { addRels, editContentTypes, insertBeforeRootEnd, parseRels, relsPathOf, resolveTarget, type Package } from './pkg';
import { escapeXml, openTagOf, Splicer, walkXml } from './xml';

/** Key of the task pane's settings (src/excel/host.ts SETTINGS_KEY). */
export const SETTINGS_KEY = 'govInfoScorecard.settings';
/** The add-in's id (manifest.xml <Id>): the web extension part that is ours. */
export const ADDIN_ID = '6c1f3a52-8e0b-4d8a-9a57-2f4c3b7e9d10';

export interface StoredSettings {
  rankMode: RankMode;
  topN: number;
  flagColumn: boolean;
  /** #11 写入公式 (absent: false, values). */
  writeFormulas?: boolean;
}

const NS_WE = 'http://schemas.microsoft.com/office/webextensions/webextension/2010/11';
const NS_WETP = 'http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11';
const REL_TASKPANES = 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes';
const REL_WEBEXTENSION = 'http://schemas.microsoft.com/office/2011/relationships/webextension';
const CT_TASKPANES = 'application/vnd.ms-office.webextensiontaskpanes+xml';
const CT_WEBEXTENSION = 'application/vnd.ms-office.webextension+xml';

/** The settings field by field, as the pane checks them: a hand-edited value falls back per field. */
export function settingsFromJson(raw: unknown): Partial<StoredSettings> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<StoredSettings> = {};
  if (r.rankMode === 'dense' || r.rankMode === 'competition') out.rankMode = r.rankMode;
  if (isTopN(r.topN)) out.topN = r.topN;
  if (typeof r.flagColumn === 'boolean') out.flagColumn = r.flagColumn;
  if (typeof r.writeFormulas === 'boolean') out.writeFormulas = r.writeFormulas;
  return out;
}

interface WebExtensionPart {
  part: string;
  referenceId: string | null;
  properties: Map<string, string>;
}

async function webExtensionParts(pkg: Package): Promise<WebExtensionPart[]> {
  const parts = pkg.names().filter((n) => /^xl\/webextensions\/webextension[^/]*\.xml$/i.test(n));
  const found: WebExtensionPart[] = [];
  for (const part of parts) {
    const xml = await pkg.text(part);
    if (xml === null) continue;
    const entry: WebExtensionPart = { part, referenceId: null, properties: new Map() };
    try {
      walkXml(xml, {
        open(el) {
          if (el.local === 'reference' && el.depth === 1) entry.referenceId = el.attributes.id ?? null;
          if (el.local === 'property' && el.depth === 2 && el.attributes.name !== undefined) entry.properties.set(el.attributes.name, el.attributes.value ?? '');
        },
      });
    } catch {
      continue; // a damaged part of someone else's add-in is not ours to read
    }
    found.push(entry);
  }
  return found;
}

function isOurs(p: WebExtensionPart): boolean {
  return p.properties.has(SETTINGS_KEY) || (p.referenceId ?? '').toLowerCase() === ADDIN_ID;
}

/** The settings the add-in saved in this workbook, the fields that were valid; null when it saved none. */
export async function readStoredSettings(pkg: Package): Promise<{ part: string; settings: Partial<StoredSettings> } | null> {
  for (const p of await webExtensionParts(pkg)) {
    const value = p.properties.get(SETTINGS_KEY);
    if (value === undefined) continue;
    let raw: unknown = null;
    try {
      raw = JSON.parse(value);
    } catch {
      raw = null;
    }
    return { part: p.part, settings: settingsFromJson(raw) };
  }
  return null;
}

function settingsValue(s: StoredSettings): string {
  // 写入公式 only when set: a file saved without it keeps the bytes it had before the setting existed.
  return JSON.stringify({ rankMode: s.rankMode, topN: s.topN, flagColumn: s.flagColumn, ...(s.writeFormulas !== undefined ? { writeFormulas: s.writeFormulas } : {}) });
}

/**
 * Save the settings where the add-in reads them back: our web extension part's property is
 * replaced (or added); with no part of ours, one is created with a task pane entry, as Excel
 * writes it when the add-in was used in the workbook. Other add-ins' parts are not touched.
 */
export async function writeStoredSettings(pkg: Package, settings: StoredSettings): Promise<void> {
  const ours = (await webExtensionParts(pkg)).find(isOurs);
  const value = escapeXml(settingsValue(settings));
  if (ours) {
    const xml = (await pkg.text(ours.part))!;
    const out = new Splicer(xml);
    let prefix = 'we:';
    let properties: { start: number; openEnd: number; closeStart: number; selfClosing: boolean; name: string } | null = null;
    let replaced = false;
    let rootClose = -1;
    walkXml(xml, {
      open(el) {
        if (el.depth === 0) prefix = el.name.slice(0, el.name.length - el.local.length);
      },
      close(el) {
        if (el.local === 'property' && el.depth === 2 && el.attributes.name === SETTINGS_KEY) {
          out.replace(el.start, el.end, `<${el.name} name="${SETTINGS_KEY}" value="${value}"/>`);
          replaced = true;
        }
        if (el.local === 'properties' && el.depth === 1) properties = { start: el.start, openEnd: el.openEnd, closeStart: el.closeStart, selfClosing: el.selfClosing, name: el.name };
        if (el.depth === 0) rootClose = el.closeStart;
      },
    });
    const prop = `<${prefix}property name="${SETTINGS_KEY}" value="${value}"/>`;
    let edited: string;
    if (replaced) edited = out.toString();
    else if (properties) {
      const p = properties as { start: number; openEnd: number; closeStart: number; selfClosing: boolean; name: string };
      const s = new Splicer(xml);
      if (p.selfClosing) s.replace(p.start, p.openEnd, `${openTagOf(xml.slice(p.start, p.openEnd))}${prop}</${p.name}>`);
      else s.insert(p.closeStart, prop);
      edited = s.toString();
    } else {
      // CT_OsfWebExtension: reference, alternateReferences, properties, … — properties after the references.
      edited = rootClose >= 0 ? insertBeforeRootEnd(xml, `<${prefix}properties>${prop}</${prefix}properties>`) : xml;
    }
    pkg.put(ours.part, edited);
    return;
  }

  const part = pkg.freeName('xl/webextensions', 'webextension');
  const id = `{${ADDIN_ID.toUpperCase()}}`;
  pkg.put(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<we:webextension xmlns:we="${NS_WE}" id="${id}">` +
      `<we:reference id="${ADDIN_ID}" version="1.0.0.0" store="developer" storeType="Registry"/>` +
      `<we:alternateReferences/>` +
      `<we:properties><we:property name="${SETTINGS_KEY}" value="${value}"/></we:properties>` +
      `<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
      `</we:webextension>`,
  );
  const rootRels = parseRels(await pkg.text('_rels/.rels'));
  const taskpanesRel = rootRels.find((r) => r.type === REL_TASKPANES);
  const contentAdds = [{ part, type: CT_WEBEXTENSION }];
  let taskpanes: string;
  if (taskpanesRel) {
    taskpanes = resolveTarget('', taskpanesRel.target);
  } else {
    taskpanes = 'xl/webextensions/taskpanes.xml';
    pkg.put(taskpanes, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${NS_WETP}"></wetp:taskpanes>`);
    pkg.put('_rels/.rels', addRels(await pkg.text('_rels/.rels'), [{ type: REL_TASKPANES, target: taskpanes }]).xml);
    contentAdds.push({ part: taskpanes, type: CT_TASKPANES });
  }
  const tpRelsPath = relsPathOf(taskpanes);
  const target = part.slice(part.lastIndexOf('/') + 1);
  const { xml: tpRels, ids } = addRels(await pkg.text(tpRelsPath), [{ type: REL_WEBEXTENSION, target }]);
  pkg.put(tpRelsPath, tpRels);
  const tpXml = (await pkg.text(taskpanes))!;
  // Closed (visibility 0): the settings travel; the pane opens when the user opens it.
  pkg.put(
    taskpanes,
    insertBeforeRootEnd(
      tpXml,
      `<wetp:taskpane xmlns:wetp="${NS_WETP}" dockstate="right" visibility="0" width="350" row="0"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${ids[0]}"/></wetp:taskpane>`,
    ),
  );
  const ct = await pkg.text('[Content_Types].xml');
  if (ct !== null) pkg.put('[Content_Types].xml', editContentTypes(ct, contentAdds));
}
