/* Ladder's handbook controls: "Copy link" on citable sections, and the compare page.
 *
 * Runs on every page Material's instant navigation shows (document$), and on plain page
 * loads for themes without it. Reads only what the generated pages carry: `data-cite` (a
 * percent-encoded Markdown link, built from the framework's site_url) and the compare form.
 */
(function () {
  "use strict";

  const TEXT = {
    copy: "Copy link",
    copied: "Copied",
    copyLabel: "Copy link to “{title}”, as Markdown for written feedback",
    copyFailed: "Could not copy. Select the link and copy it:",
    copyComparison: "Copy link to this comparison",
    comparisonTitle: "Compare {a} and {b}",
    loading: "Loading…",
    loadFailed: "Could not load {level}. Check your connection and try again.",
    summary: "Summary",
    scope: "Scope",
    notWritten: "Nothing written for this dimension.",
    noText: "Nothing written at this level.",
    marks: { same: "Same", reworded: "Reworded", only: "Only here" },
    tally: "{same} the same, {reworded} reworded, {onlyA} only at {a}, {onlyB} only at {b}",
    unchanged: "The same at both levels",
    sameStatements: "the same statements",
    step: "{a} → {b}",
    scrollHint: "Scroll sideways for all {count} dimensions →",
    assess: {
      marks: ["Not yet", "Sometimes", "Consistently"],
      evidence: "Evidence",
      current: "Your level: {level}",
      next: "Next level: {level}",
      top: "{level} is the top of its ladder: there is no next level.",
      coverage: "{level}: {done} of {total} consistently, {some} sometimes",
      copy: "Copy as Markdown",
      download: "Download Markdown",
      worksheet: "Open the expectations worksheet with these marks",
      copied: "Copied",
      older: "This link was made with version {version} of the framework; this is {current}, so a mark may sit against a different statement.",
      changed: "A statement of these levels was added, removed or moved since this link was made, so a mark may sit against a different statement: check each one.",
      long: "This link is {length} characters long: some email and chat tools cut links over 2,000 characters. Shorter evidence notes make it shorter.",
      markdownTitle: "Where I stand: {level}",
      notExpected: "Not expected at this level.",
      nothing: "Nothing written for this dimension.",
      kept: "{next} keeps what {level} expects here: your marks above count for both.",
      step: "{name}: {summary}",
    },
  };
  const COPIED_FOR_MS = 2000;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  /* Puts a link on the clipboard twice over: as HTML (the whole title as the link's words,
   * ready for documents, email and HR tools) and as Markdown, for plain-text fields. Without a
   * title, only the Markdown text. */
  async function writeClipboard(markdown, title, address) {
    if (navigator.clipboard && window.isSecureContext) {
      if (title && window.ClipboardItem && navigator.clipboard.write) {
        const link = document.createElement("a");
        link.href = address;
        link.textContent = title;
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([link.outerHTML], { type: "text/html" }),
            "text/plain": new Blob([markdown], { type: "text/plain" }),
          }),
        ]);
        return;
      }
      await navigator.clipboard.writeText(markdown);
      return;
    }
    // Plain http (an intranet mirror, say) has no clipboard API: fall back to a selection.
    const area = document.createElement("textarea");
    area.value = markdown;
    area.setAttribute("readonly", "");
    area.className = "ladder-offscreen";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) throw new Error("copy refused");
  }

  const SVG = "http://www.w3.org/2000/svg";
  const ICONS = {
    // A chain link, and a tick once copied (24 x 24 paths, drawn here: nothing is fetched).
    link: "M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM8.5 19.5a4 4 0 0 1-2.8-6.8l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a2 2 0 1 0 2.8 2.8l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a4 4 0 0 1-2.8 1.2zm7.3-5.7a1 1 0 0 1-.7-1.7l2.1-2.1a2 2 0 1 0-2.8-2.8l-2.1 2.1a1 1 0 1 1-1.4-1.4L13 5.8a4 4 0 1 1 5.6 5.6l-2.1 2.1a1 1 0 0 1-.7.3z",
    done: "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z",
  };

  function icon(name) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  }

  /* A quiet "Copy link" control: an icon button with a name for screen readers; the one status
   * region announces "Copied" once. `label` gives the button visible words instead (a page-wide
   * control, such as the comparison's). */
  function copyControl(markdown, title, label, inline) {
    const bar = document.createElement(inline ? "span" : "div");
    bar.className = inline ? "ladder-copy-bar ladder-copy-bar--inline" : "ladder-copy-bar";
    const button = document.createElement("button");
    button.type = "button";
    button.className = label ? "ladder-copy ladder-copy--words" : "ladder-copy";
    if (label) button.textContent = label;
    else button.append(icon("link"));
    button.setAttribute("aria-label", fill(TEXT.copyLabel, { title }));
    button.title = TEXT.copy;
    button.dataset.markdown = markdown;
    const status = document.createElement("span");
    status.className = "ladder-copy__status";
    status.setAttribute("role", "status");
    let reset = 0;
    button.addEventListener("click", async () => {
      clearTimeout(reset);
      try {
        await writeClipboard(button.dataset.markdown, title, markdownAddress(markdown));
        button.classList.add("ladder-copy--done");
        if (!label) button.replaceChildren(icon("done"));
        status.textContent = TEXT.copied;
      } catch (error) {
        status.textContent = TEXT.copyFailed + " " + button.dataset.markdown;
      }
      reset = setTimeout(() => {
        button.classList.remove("ladder-copy--done");
        if (!label) button.replaceChildren(icon("link"));
        status.textContent = "";
      }, COPIED_FOR_MS);
    });
    bar.append(button, status);
    return bar;
  }

  function markdownTitle(markdown) {
    const match = /^\[(.*)\]\([^)]*\)$/s.exec(markdown);
    return match ? match[1].replace(/\\([\\[\]])/g, "$1") : markdown;
  }

  function markdownAddress(markdown) {
    const match = /\(([^)]*)\)$/.exec(markdown);
    return match ? match[1] : "";
  }

  function addCopyControls(root) {
    for (const cited of root.querySelectorAll("[data-cite]")) {
      // A level's statement: the control ends its list item. A heading: the control follows it.
      const item = cited.classList.contains("ladder-anchor") ? cited.closest("li") : null;
      if (item ? item.querySelector(".ladder-copy-bar") : cited.nextElementSibling?.classList.contains("ladder-copy-bar")) {
        continue;
      }
      let markdown;
      try {
        markdown = decodeURIComponent(cited.dataset.cite);
      } catch (error) {
        continue;
      }
      if (item) item.append(" ", copyControl(markdown, markdownTitle(markdown), null, true));
      else cited.after(copyControl(markdown, markdownTitle(markdown)));
    }
  }

  /* The compare page ---------------------------------------------------------------------- */

  const pageCache = new Map();

  function fetchLevel(url) {
    if (!pageCache.has(url)) {
      const request = fetch(url, { credentials: "same-origin" })
        .then((response) => {
          if (!response.ok) throw new Error(response.status + " " + url);
          return response.text();
        })
        .then((html) => new DOMParser().parseFromString(html, "text/html"));
      request.catch(() => pageCache.delete(url));
      pageCache.set(url, request);
    }
    return pageCache.get(url);
  }

  /* The nodes of a section: everything after its heading up to the next heading of its rank. */
  function sectionNodes(heading) {
    const nodes = [];
    for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      if (/^H[12]$/.test(node.tagName)) break;
      nodes.push(node);
    }
    return nodes;
  }

  /* Copies of nodes from a fetched page, with their links made absolute so they still work here. */
  function lift(nodes, pageUrl) {
    return nodes.map((node) => {
      const copy = document.importNode(node, true);
      for (const link of copy.querySelectorAll("a[href]")) {
        link.href = new URL(link.getAttribute("href"), pageUrl).href;
      }
      for (const permalink of copy.querySelectorAll(".headerlink")) permalink.remove();
      return copy;
    });
  }

  function readLevel(doc, pageUrl) {
    const title = doc.querySelector("article h1");
    const summary = doc.querySelector("article .ladder-summary");
    const scope = doc.getElementById("level--scope");
    const dimensions = new Map();
    for (const heading of doc.querySelectorAll("article h2.ladder-dimension")) {
      const name = heading.cloneNode(true);
      for (const extra of name.querySelectorAll(".headerlink, a[id]")) extra.remove();
      dimensions.set(heading.id, { name: name.textContent.trim(), nodes: lift(sectionNodes(heading), pageUrl) });
    }
    return {
      url: pageUrl,
      name: title ? title.textContent.replace(/¶/g, "").trim() : pageUrl,
      summary: summary ? lift([summary], pageUrl) : [],
      scope: scope ? lift(sectionNodes(scope), pageUrl) : [],
      dimensions,
    };
  }

  function element(tag, className, children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children || []) node.append(child);
    return node;
  }

  function levelLink(level, hash) {
    const link = element("a", "ladder-compare__level", [level.name]);
    link.href = level.url + (hash ? "#" + hash : "");
    return link;
  }

  function row(id, title, left, right) {
    const heading = element("h2", "", [title]);
    if (id) heading.id = id;
    const pair = element("div", "ladder-compare__pair", [
      element("div", "ladder-compare__cell", [levelLink(left.level, id), ...left.nodes]),
      element("div", "ladder-compare__cell", [levelLink(right.level, id), ...right.nodes]),
    ]);
    return element("section", "ladder-compare__row", [heading, pair]);
  }

  function notWritten() {
    return [element("p", "ladder-compare__empty", [TEXT.notWritten])];
  }

  /* Marking what differs: each statement is the same at the other level, reworded (most of its
   * words are in one of the other level's statements), or only at its own level. */
  // The share of words two statements must have in common: the level pages' summaries measure
  // likeness the same way (REWORDED_AT and _alike in ladder/differences.py).
  const REWORDED_AT = 0.5;

  function statementItems(nodes) {
    return nodes
      .filter((node) => node.tagName === "UL")
      .flatMap((list) => [...list.children].filter((item) => item.tagName === "LI"));
  }

  function plainWords(item) {
    return item.textContent.replace(/\s+/g, " ").trim().toLowerCase();
  }

  function alike(first, second) {
    const a = new Set(first.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const b = new Set(second.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    let common = 0;
    for (const word of a) if (b.has(word)) common += 1;
    return common / Math.max(a.size, b.size, 1);
  }

  function markItems(items, others) {
    const counts = { same: 0, reworded: 0, only: 0 };
    for (const item of items) {
      const text = plainWords(item);
      const kind = others.includes(text)
        ? "same"
        : others.some((other) => alike(text, other) >= REWORDED_AT)
          ? "reworded"
          : "only";
      counts[kind] += 1;
      item.classList.add("ladder-mark--" + kind);
      item.prepend(element("span", "ladder-mark", [TEXT.marks[kind]]), " ");
    }
    return counts;
  }

  /* Marks both sides of a dimension and returns the line that sums them up. */
  function markRow(a, b, left, right) {
    const leftItems = statementItems(left);
    const rightItems = statementItems(right);
    const leftTexts = leftItems.map(plainWords);
    const rightTexts = rightItems.map(plainWords);
    const fromA = markItems(leftItems, rightTexts);
    const fromB = markItems(rightItems, leftTexts);
    // A different proficiency step leads the line ("Proficient → Advanced"): in a rubric per
    // competency it is often all that changes.
    const steps = [stepName(left), stepName(right)];
    const moved = steps[0] && steps[1] && steps[0] !== steps[1] ? fill(TEXT.step, { a: steps[0], b: steps[1] }) : "";
    let statements = "";
    if (fromA.reworded || fromB.reworded || fromA.only || fromB.only) {
      statements = fill(TEXT.tally, {
        same: fromB.same,
        reworded: fromB.reworded,
        onlyA: fromA.only,
        onlyB: fromB.only,
        a: a.name,
        b: b.name,
      });
    } else if (leftItems.length) {
      statements = moved ? TEXT.sameStatements : TEXT.unchanged;
    }
    return [moved, statements].filter(Boolean).join("; ");
  }

  /* The name of the proficiency step a level page gives a dimension (its `.ladder-step` line), or "". */
  function stepName(nodes) {
    const line = nodes.find((node) => node.classList && node.classList.contains("ladder-step"));
    const name = line && line.querySelector("strong");
    return name ? name.textContent.trim() : "";
  }

  /* The summary or scope of both levels: no row when neither level has one (a framework may
   * write none), and a note on the side of the level that has none. */
  function textRows(title, a, b, part) {
    if (!a[part].length && !b[part].length) return [];
    const side = (level) => ({
      level,
      nodes: level[part].length ? level[part] : [element("p", "ladder-compare__empty", [TEXT.noText])],
    });
    return [row("", title, side(a), side(b))];
  }

  function comparison(a, b) {
    const rows = [...textRows(TEXT.summary, a, b, "summary"), ...textRows(TEXT.scope, a, b, "scope")];
    const ids = [...a.dimensions.keys(), ...[...b.dimensions.keys()].filter((id) => !a.dimensions.has(id))];
    for (const id of ids) {
      const left = a.dimensions.get(id);
      const right = b.dimensions.get(id);
      const leftNodes = left ? left.nodes : notWritten();
      const rightNodes = right ? right.nodes : notWritten();
      const tally = markRow(a, b, leftNodes, rightNodes);
      const section = row(id, (left || right).name, { level: a, nodes: leftNodes }, { level: b, nodes: rightNodes });
      if (tally) section.querySelector("h2").after(element("p", "ladder-compare__tally", [tally]));
      rows.push(section);
    }
    return rows;
  }

  function resolve(select, wanted) {
    for (const option of select.options) {
      const aliases = (option.dataset.aliases || "").split(" ");
      if (option.value === wanted || aliases.includes(wanted)) return option.value;
    }
    return null;
  }

  function setUpCompare(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    const first = form.elements.namedItem("a");
    const second = form.elements.namedItem("b");
    const values = [...first.options].map((option) => option.value);
    const query = new URLSearchParams(window.location.search);
    first.value = resolve(first, query.get("a")) || values[0];
    second.value = resolve(second, query.get("b")) || values[Math.min(1, values.length - 1)];

    const copyHolder = element("div", "ladder-compare__copy");
    const status = element("p", "ladder-compare__status");
    status.setAttribute("role", "status");
    const result = element("div", "ladder-compare__result");
    form.after(copyHolder, status, result);

    let shown = 0;
    async function show() {
      const turn = ++shown;
      const params = new URLSearchParams(window.location.search);
      params.set("a", first.value);
      params.set("b", second.value);
      const address = "?" + params.toString() + window.location.hash;
      window.history.replaceState(window.history.state, "", address);
      status.textContent = TEXT.loading;
      const base = new URL(form.dataset.levels, window.location.href);
      const urls = [first.value, second.value].map((id) => new URL(id + "/", base).href);
      let levels;
      try {
        levels = await Promise.all(urls.map(fetchLevel));
      } catch (error) {
        if (turn === shown) status.textContent = fill(TEXT.loadFailed, { level: error.message });
        return;
      }
      if (turn !== shown) return;
      const [a, b] = levels.map((doc, index) => readLevel(doc, urls[index]));
      result.replaceChildren(...comparison(a, b));
      status.textContent = "";
      const siteUrl = form.dataset.siteUrl.replace(/\/?$/, "/");
      const title = fill(TEXT.comparisonTitle, { a: a.name, b: b.name });
      const markdown = "[" + title.replace(/([\\[\]])/g, "\\$1") + "](" + siteUrl + "compare/?a=" +
        encodeURIComponent(first.value) + "&b=" + encodeURIComponent(second.value) + ")";
      copyHolder.replaceChildren(copyControl(markdown, title, TEXT.copyComparison));
      const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
      if (target && turn === 1) target.scrollIntoView();
    }
    first.addEventListener("change", show);
    second.addEventListener("change", show);
    form.addEventListener("submit", (event) => event.preventDefault());
    show();
  }

  /* A link to an old place (a statement that moved to another standard) lands on an empty
   * element that says where the section went: go there, keeping the history clean. */
  function followMovedAnchor() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const marker = id && document.getElementById(id);
    const target = marker && marker.dataset.ladderMoved;
    if (target) window.location.replace(new URL(target, window.location.href).href);
  }
  window.addEventListener("hashchange", followMovedAnchor);

  /* Where I stand ------------------------------------------------------------------------------
   * The page reads framework.json (published with the site), lists the statements of the chosen
   * level and of the next one on its track, and keeps the marks in the page's address:
   *   ?level=ID&track=ID&v=VERSION&m=DIGITS&n3=NOTE...
   * m holds one digit per statement (0 unmarked, 1 not yet, 2 sometimes, 3 consistently), in the
   * order the page lists them; nK is the evidence note of statement K. The last state is also
   * kept in this browser's storage, so the page opens as it was left. Nothing is sent anywhere. */
  const LINK_WARN_AT = 2000;

  function siteRelative(url, siteUrl) {
    return url.startsWith(siteUrl) ? url.slice(siteUrl.length) : url;
  }

  /* What an address's marks line up with: the fingerprint of what the page lists for the level and
   * for the next (framework.json's marks_key, made by ladder/assessment.py), so an address made
   * before a statement was added, removed or moved says so rather than show marks against others. */
  function marksKey(plan) {
    return [plan.level, plan.next].filter((level) => level).map((level) => level.marks_key).join(".");
  }

  function levelPlan(data, levelId, trackId) {
    const levels = new Map(data.levels.map((level) => [level.id, level]));
    const level = levels.get(levelId);
    const tracks = data.tracks.filter((track) => track.ladder.includes(levelId));
    const track = tracks.find((each) => each.id === trackId) || tracks.find((each) => each.id === level.track) || tracks[0];
    const ladder = track ? track.ladder : [levelId];
    const next = levels.get(ladder[ladder.indexOf(levelId) + 1]) || null;
    return { level, next, track, tracks };
  }

  /* What the page asks a person to mark, in order: each dimension's for the level, then for the
   * next (ladder/assessment.py reads the marks in this same order). Where the next level keeps the
   * level's own statements ("same as previous"), its entries mirror the level's (`mirrors`: the
   * index of the entry whose mark they take), so nobody marks the same statement twice. */
  function statementsOf(data, plan) {
    const list = [];
    for (const dimension of data.dimensions) {
      const current = plan.level.dimensions[dimension.id];
      const next = plan.next && plan.next.dimensions[dimension.id];
      const kept = current && next && sourceOf(next, plan.next) === sourceOf(current, plan.level);
      const first = list.length;
      for (const [role, level, cell] of [["current", plan.level, current], ["next", plan.next, next]]) {
        expectationsOf(cell || { statements: [] }).forEach((statement, position) => {
          const mirrors = role === "next" && kept ? first + position : null;
          list.push({ dimension, role, level, statement, mirrors });
        });
      }
    }
    return list;
  }

  /* The level whose statements a cell shows: its own, or the one it keeps them from. */
  function sourceOf(cell, level) {
    return cell.inherited_from || level.id;
  }

  /* A cell's statements; or, where it gives only a proficiency step (a rubric per competency),
   * the step itself, as one statement of its name and description. */
  function expectationsOf(cell) {
    if (!cell.step_is_expectation) return cell.statements;
    return [{ plain: stepWords(cell.step), url: cell.step.url }];
  }

  /* A proficiency step in words: "Proficient: designs a service that ...". */
  function stepWords(step) {
    return fill(TEXT.assess.step, { name: step.name, summary: step.plain });
  }

  function markdownText(text) {
    return text.replace(/([\\`*_[\]<>])/g, "\\$1");
  }

  function setUpAssess(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    const T = TEXT.assess;
    const siteUrl = form.dataset.siteUrl.replace(/\/?$/, "/");
    const levelSelect = form.elements.namedItem("level");
    const trackSelect = form.elements.namedItem("track");
    const trackLabel = form.querySelector(".ladder-assess__track");
    const storageKey = "ladder-assess:" + new URL(".", window.location.href).pathname;
    const notice = element("p", "ladder-assess__notice");
    notice.setAttribute("role", "status");
    const tools = element("div", "ladder-assess__tools");
    const result = element("div", "ladder-assess__result");
    form.after(notice, tools, result);
    let data = null;
    let list = [];
    const marks = [];
    const notes = [];

    function state() {
      const params = new URLSearchParams();
      params.set("level", levelSelect.value);
      if (!trackLabel.hidden) params.set("track", trackSelect.value);
      params.set("v", data.framework.version);
      params.set("k", marksKey(levelPlan(data, levelSelect.value, trackSelect.value)));
      // Array.from, not marks.map: map skips the gaps of statements not marked yet, and their
      // zeros would drop out of the address, moving every later mark onto another statement.
      const digits = Array.from(marks, (mark) => String(mark || 0)).join("").replace(/0+$/, "");
      if (digits) params.set("m", digits);
      notes.forEach((note, index) => note && params.set("n" + index, note));
      return params;
    }

    function save() {
      const address = "?" + state().toString();
      window.history.replaceState(window.history.state, "", address + window.location.hash);
      try {
        window.localStorage.setItem(storageKey, address);
      } catch (error) {
        // Storage may be off (private windows): the address still holds everything.
      }
      const length = window.location.href.length;
      notice.textContent = length > LINK_WARN_AT ? fill(T.long, { length }) : "";
      drawCharts();
    }

    /* The next level's entries that keep the level's statements take the level's marks. */
    function mirror() {
      list.forEach((entry, index) => {
        if (entry.mirrors !== null) marks[index] = marks[entry.mirrors];
      });
    }

    function coverage(role, dimensionId) {
      const picked = list.map((entry, index) => ({ entry, mark: marks[index] || 0 }))
        .filter(({ entry }) => entry.role === role && (!dimensionId || entry.dimension.id === dimensionId));
      return {
        total: picked.length,
        done: picked.filter(({ mark }) => mark === 3).length,
        some: picked.filter(({ mark }) => mark === 2).length,
      };
    }

    function chart(dimensionId, plan) {
      // A bar for each of the two levels that asks something here: the next level may start to ask
      // a dimension (people leadership, where a management track branches off) that this level
      // never did, and a level where the dimension is not expected asks nothing. No bar, no chart.
      const rows = [["current", plan.level], ["next", plan.next]]
        .filter(([, level]) => level)
        .map(([role, level]) => [role, level, coverage(role, dimensionId)])
        .filter(([, , counted]) => counted.total > 0);
      if (!rows.length) return [];
      const svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("class", "ladder-assess__chart");
      svg.setAttribute("viewBox", "0 0 100 " + rows.length * 12);
      svg.setAttribute("role", "img");
      const words = [];
      rows.forEach(([role, level, { total, done, some }], row) => {
        const share = total ? (done + some / 2) / total : 0;
        for (const [width, className] of [[100, "ladder-assess__bar-back"], [share * 100, "ladder-assess__bar"]]) {
          const bar = document.createElementNS(SVG, "rect");
          bar.setAttribute("x", "0");
          bar.setAttribute("y", String(row * 12 + 2));
          bar.setAttribute("width", String(width));
          bar.setAttribute("height", "8");
          bar.setAttribute("class", className + " ladder-assess__bar--" + role);
          svg.append(bar);
        }
        words.push(fill(T.coverage, { level: level.code || level.title, done, total, some }));
      });
      svg.setAttribute("aria-label", words.join("; "));
      const caption = element("p", "ladder-assess__coverage", [words.join(" · ")]);
      return [svg, caption];
    }

    function drawCharts() {
      const plan = levelPlan(data, levelSelect.value, trackSelect.value);
      for (const holder of result.querySelectorAll("[data-chart]")) {
        holder.replaceChildren(...chart(holder.dataset.chart, plan));
      }
    }

    function statementRow(entry, index) {
      const item = element("li", "ladder-assess__statement");
      const text = element("a", "", [entry.statement.plain]);
      text.href = "../" + siteRelative(entry.statement.url, siteUrl);
      const group = element("fieldset", "ladder-assess__marks");
      const legend = element("legend", "ladder-offscreen", [entry.statement.plain]);
      group.append(legend);
      T.marks.forEach((words, position) => {
        const radio = element("input");
        radio.type = "radio";
        radio.name = "mark-" + index;
        radio.value = String(position + 1);
        radio.checked = marks[index] === position + 1;
        radio.addEventListener("change", () => {
          marks[index] = position + 1;
          mirror();
          save();
        });
        group.append(element("label", "", [radio, " " + words]));
      });
      const note = element("input", "ladder-assess__note");
      note.type = "text";
      note.value = notes[index] || "";
      note.setAttribute("aria-label", T.evidence + ": " + entry.statement.plain);
      note.placeholder = T.evidence;
      note.addEventListener("change", () => {
        notes[index] = note.value.trim();
        save();
      });
      item.append(text, group, note);
      return item;
    }

    function render(trackId) {
      const plan = levelPlan(data, levelSelect.value, trackId || trackSelect.value);
      trackLabel.hidden = plan.tracks.length < 2;
      trackSelect.replaceChildren(
        ...plan.tracks.map((track) => {
          const option = element("option", "", [track.name]);
          option.value = track.id;
          option.selected = plan.track && track.id === plan.track.id;
          return option;
        }),
      );
      list = statementsOf(data, plan);
      const sections = [
        element("p", "ladder-assess__levels", [
          fill(T.current, { level: plan.level.title }),
          " · ",
          plan.next ? fill(T.next, { level: plan.next.title }) : fill(T.top, { level: plan.level.title }),
        ]),
      ];
      for (const dimension of data.dimensions) {
        const entries = list.map((entry, index) => [entry, index]).filter(([entry]) => entry.dimension.id === dimension.id);
        const judged = [plan.level, plan.next].some((level) => level && level.dimensions[dimension.id]);
        if (!judged) continue;
        const heading = element("h2", "", [dimension.name]);
        heading.id = "assess--" + dimension.id;
        const holder = element("div", "ladder-assess__chart-holder");
        holder.dataset.chart = dimension.id;
        const parts = [heading, holder];
        for (const [role, level] of [["current", plan.level], ["next", plan.next]]) {
          if (!level || !level.dimensions[dimension.id]) continue;
          const cell = level.dimensions[dimension.id];
          parts.push(element("h3", "", [role === "current" ? fill(T.current, { level: level.title }) : fill(T.next, { level: level.title })]));
          const own = entries.filter(([entry]) => entry.role === role);
          if (own.length && own.every(([entry]) => entry.mirrors !== null)) {
            parts.push(element("p", "ladder-assess__kept", [fill(T.kept, { next: level.title, level: plan.level.title })]));
            continue;
          }
          const rows = own.map(([entry, index]) => statementRow(entry, index));
          if (cell.step && !cell.step_is_expectation) {
            // the step the statements add up to, as the level page says it
            parts.push(element("p", "ladder-assess__step", [stepWords(cell.step)]));
          }
          const empty = cell.expected ? T.nothing : T.notExpected;
          parts.push(rows.length ? element("ul", "ladder-assess__list", rows) : element("p", "", [empty]));
        }
        sections.push(element("section", "ladder-assess__dimension", parts));
      }
      result.replaceChildren(...sections);
      const withWorksheet = (form.dataset.worksheetLevels || "").split(" ").includes(levelSelect.value);
      tools.replaceChildren(
        exportButton(T.copy, false),
        exportButton(T.download, true),
        ...(withWorksheet ? [worksheetButton()] : []),
      );
      drawCharts();
    }

    function asMarkdown() {
      const plan = levelPlan(data, levelSelect.value, trackSelect.value);
      const lines = ["# " + markdownText(fill(T.markdownTitle, { level: plan.level.title })), ""];
      let dimension = null;
      let role = null;
      list.forEach((entry, index) => {
        if (entry.dimension !== dimension) {
          dimension = entry.dimension;
          role = null;
          lines.push("", "## " + markdownText(dimension.name), "");
        }
        if (entry.role !== role) {
          role = entry.role;
          const title = fill(role === "current" ? T.current : T.next, { level: entry.level.title });
          lines.push("", "### " + markdownText(title), "");
          if (entry.mirrors !== null) lines.push(markdownText(fill(T.kept, { next: entry.level.title, level: plan.level.title })));
        }
        if (entry.mirrors !== null) return;
        const mark = marks[index] ? T.marks[marks[index] - 1] : "-";
        const note = notes[index] ? " " + markdownText(notes[index]) : "";
        lines.push("- [" + markdownText(entry.statement.plain) + "](" + entry.statement.url + "): **" + mark + "**" + note);
      });
      lines.push("", window.location.href, "");
      return lines.join("\n").replace(/\n{3,}/g, "\n\n");
    }

    // The level's expectations worksheet, its growth grid started from these marks: a row per
    // dimension of its grid (those the level or any next level is judged on), where the person
    // stands and the counts (see worksheet.js). A row for a dimension only another track's next
    // level asks stays empty: these marks say nothing about it.
    function worksheetButton() {
      const button = element("button", "ladder-copy ladder-copy--words", [T.worksheet]);
      button.type = "button";
      button.addEventListener("click", () => {
        const plan = levelPlan(data, levelSelect.value, trackSelect.value);
        const following = data.levels.filter((level) => plan.level.next.includes(level.id));
        const judges = (levels, dimension) => levels.some((level) => level && level.dimensions[dimension.id]);
        const rows = data.dimensions
          .filter((dimension) => judges([plan.level, ...following], dimension))
          .map((dimension) => {
            if (!judges([plan.level, plan.next], dimension)) return "";
            const now = coverage("current", dimension.id);
            const ahead = coverage("next", dimension.id);
            const at = now.done === now.total;
            const toward = at && plan.next && ahead.total > 0 && 2 * ahead.done >= ahead.total;
            const tallies = [now, ...(plan.next ? [ahead] : [])].map((t) => [t.done, t.some, t.total].join("."));
            return [toward ? 2 : at ? 1 : 0, ...tallies].join(":");
          });
        const labels = [plan.level, plan.next].filter((level) => level).map((level) => level.code || level.title);
        const address = new URLSearchParams({ a: rows.join("~"), al: labels.join("~") });
        const path = "../worksheets/" + encodeURIComponent(plan.level.id) + "/expectations.html?";
        window.location.href = path + address.toString();
      });
      return button;
    }

    function exportButton(label, download) {
      const button = element("button", "ladder-copy ladder-copy--words", [label]);
      button.type = "button";
      button.addEventListener("click", async () => {
        const markdown = asMarkdown();
        if (download) {
          const link = element("a");
          link.href = URL.createObjectURL(new Blob([markdown], { type: "text/markdown" }));
          link.download = "where-i-stand-" + levelSelect.value + ".md";
          link.click();
          URL.revokeObjectURL(link.href);
          return;
        }
        try {
          await writeClipboard(markdown);
          notice.textContent = T.copied;
        } catch (error) {
          notice.textContent = TEXT.copyFailed;
        }
      });
      return button;
    }

    function load(params) {
      const wanted = params.get("level");
      levelSelect.value = (wanted && resolve(levelSelect, wanted)) || levelSelect.value;
      const plan = levelPlan(data, levelSelect.value, params.get("track"));
      list = statementsOf(data, plan);
      marks.length = 0;
      notes.length = 0;
      [...(params.get("m") || "")].forEach((digit, index) => {
        const mark = Number(digit);
        if (index < list.length && mark >= 1 && mark <= 3) marks[index] = mark;
      });
      mirror();
      for (const [key, value] of params) {
        const index = /^n(\d+)$/.exec(key);
        if (index && Number(index[1]) < list.length) notes[Number(index[1])] = value;
      }
      render(params.get("track"));
      // An address that carries k= knows whether its marks still line up; an older one only its version.
      const key = params.get("k");
      const version = params.get("v");
      if (key !== null) {
        notice.textContent = key !== marksKey(plan) ? T.changed : "";
      } else {
        notice.textContent = version && version !== data.framework.version
          ? fill(T.older, { version, current: data.framework.version })
          : "";
      }
    }

    fetch(new URL(form.dataset.framework, window.location.href), { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(response.status + " framework.json");
        return response.json();
      })
      .then((loaded) => {
        data = loaded;
        let params = new URLSearchParams(window.location.search);
        if (!params.get("level")) {
          try {
            params = new URLSearchParams(window.localStorage.getItem(storageKey) || "");
          } catch (error) {
            // no storage: start from the first level
          }
        }
        load(params);
        levelSelect.addEventListener("change", () => {
          marks.length = 0;
          notes.length = 0;
          trackLabel.hidden = true;
          render();
          save();
        });
        trackSelect.addEventListener("change", () => {
          marks.length = 0;
          notes.length = 0;
          render();
          save();
        });
      })
      .catch((error) => {
        notice.textContent = fill(TEXT.loadFailed, { level: error.message });
      });
  }

  /* The levels matrix: when it is wider than the page, a line above it says so, and its right
   * edge fades until the reader has scrolled to the last column. */
  // The Worksheets page's form: opens the published blank HTML worksheet for the chosen level and
  // kind with the person's details in its address; the worksheet's own script fills them in.
  function setUpMaker(form) {
    const level = form.elements.level;
    const kind = form.elements.kind;
    function offerKinds() {
      const offered = (level.selectedOptions[0].dataset.kinds || "").split(" ");
      for (const option of kind.options) option.disabled = !offered.includes(option.value);
      if (kind.selectedOptions[0].disabled) kind.value = offered[0];
    }
    level.addEventListener("change", offerKinds);
    offerKinds();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const details = new URLSearchParams();
      for (const name of ["engineer", "manager", "period"]) {
        const value = form.elements[name].value.trim();
        if (value) details.set(name, value);
      }
      const path = "worksheets/" + encodeURIComponent(level.value) + "/" + encodeURIComponent(kind.value) + ".html";
      window.location.href = form.dataset.root + path + "?" + details.toString();
    });
    form.hidden = false;
  }

  function setUpMatrix(matrix) {
    if (matrix.dataset.ready) return;
    matrix.dataset.ready = "true";
    const columns = matrix.querySelectorAll("thead th").length - 1;
    const hint = element("p", "ladder-matrix__hint", [fill(TEXT.scrollHint, { count: columns })]);
    matrix.before(hint);
    function update() {
      // Material wraps each table in a scrolling element of its own; without it, the matrix scrolls.
      const scroller = matrix.querySelector(".md-typeset__scrollwrap") || matrix;
      const overflows = scroller.scrollWidth > scroller.clientWidth + 1;
      hint.hidden = !overflows;
      const more = overflows && scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1;
      matrix.classList.toggle("ladder-matrix--more", more);
    }
    matrix.addEventListener("scroll", update, { capture: true, passive: true }); // the scroller's too
    new ResizeObserver(update).observe(matrix);
    update();
  }

  function enhance() {
    followMovedAnchor();
    const content = document.querySelector("article") || document.body;
    addCopyControls(content);
    for (const form of content.querySelectorAll("form.ladder-compare")) setUpCompare(form);
    for (const matrix of content.querySelectorAll(".ladder-matrix")) setUpMatrix(matrix);
    for (const form of content.querySelectorAll("form.ladder-assess")) setUpAssess(form);
    for (const form of content.querySelectorAll("form[data-ladder-maker]")) setUpMaker(form);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
