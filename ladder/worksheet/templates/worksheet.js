// Filling in the HTML worksheet on screen. What is typed or ticked is kept in this browser's
// storage (under the worksheet's identity) and comes back after a reload; a filled copy can be
// saved as one self-contained HTML file or as Markdown. Nothing is sent anywhere: the page's
// Content-Security-Policy allows this script (by its hash) and no request of any kind.
(() => {
  "use strict";
  const root = document.documentElement;
  const TEXT = JSON.parse(document.getElementById("worksheet-words").textContent);
  const identity = document.querySelector('meta[name="ladder-worksheet"]');
  // Read when used: a worksheet made from an address takes the person's name into its identity.
  const storageKey = () => "ladder-worksheet:" + (identity ? identity.content : document.title);
  const controls = (scope) => [...scope.querySelectorAll("main input, main textarea")];

  function values() {
    return controls(document).map((control) => (control.type === "checkbox" ? control.checked : control.value));
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(window.localStorage.getItem(storageKey()) || "null");
    } catch (error) {
      return; // storage off or unreadable: the page still works, it only forgets
    }
    if (!Array.isArray(saved)) return;
    controls(document).forEach((control, index) => {
      if (index >= saved.length) return;
      if (control.type === "checkbox") control.checked = saved[index] === true;
      else if (typeof saved[index] === "string") control.value = saved[index];
    });
  }

  function keep() {
    try {
      window.localStorage.setItem(storageKey(), JSON.stringify(values()));
    } catch (error) {
      // storage full or off: nothing to do but carry on
    }
  }

  // A text box grows with what is written in it, so nothing is hidden on screen or on paper.
  function fit(area) {
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }

  function fitAll() {
    document.querySelectorAll("main textarea").forEach(fit);
  }

  // The page as it is now, typed values written into its markup, as a file that opens anywhere.
  function filledCopy() {
    const copy = root.cloneNode(true);
    const typed = controls(document);
    controls(copy).forEach((control, index) => {
      const source = typed[index];
      if (control.type === "checkbox") {
        control.toggleAttribute("checked", source.checked);
      } else if (control.tagName === "TEXTAREA") {
        control.textContent = source.value;
      } else {
        control.setAttribute("value", source.value);
      }
      control.removeAttribute("style");
    });
    copy.querySelector(".tools")?.remove();
    // The copy keeps its own storage, so opening it never brings back this page's later edits.
    const own = copy.querySelector('meta[name="ladder-worksheet"]');
    if (own) own.setAttribute("content", own.getAttribute("content") + "|saved " + new Date().toISOString());
    return "<!DOCTYPE html>\n" + copy.outerHTML + "\n";
  }

  // Markdown ---------------------------------------------------------------------------------

  const escapeMarkdown = (text) => text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
  const squash = (text) => text.replace(/\s+/g, " ").trim();

  function inline(node) {
    if (node.nodeType === Node.TEXT_NODE) return escapeMarkdown(node.textContent.replace(/\s+/g, " "));
    if (node.nodeType !== Node.ELEMENT_NODE) return "";
    if (node.matches("input[type=checkbox]")) return node.checked ? "[x] " : "[ ] ";
    if (node.matches("input, textarea")) return escapeMarkdown(node.value).replace(/\n+/g, " / ");
    const inner = [...node.childNodes].map(inline).join("");
    if (node.tagName === "A") return "[" + inner + "](" + node.getAttribute("href") + ")";
    if (node.tagName === "STRONG") return "**" + inner + "**";
    return inner;
  }

  function written(area) {
    const value = area.value.trim();
    return value ? value.split("\n").map((line) => escapeMarkdown(line)).join("  \n") : "_" + TEXT.blank + "_";
  }

  function block(node, out) {
    const tag = node.tagName;
    if (/^H[1-6]$/.test(tag)) {
      out.push("#".repeat(Number(tag[1])) + " " + squash(inline(node)));
    } else if (tag === "SECTION" || tag === "HEADER" || tag === "FOOTER") {
      [...node.children].forEach((child) => block(child, out));
    } else if (node.matches("table.facts")) {
      out.push(
        [...node.rows]
          .map((row) => "**" + squash(inline(row.cells[0])) + ":** " + squash(inline(row.cells[1])))
          .join("  \n"),
      );
    } else if (node.matches("table.grid")) {
      const rows = [...node.rows].map((row) => "| " + [...row.cells].map((cell) => squash(inline(cell))).join(" | ") + " |");
      rows.splice(1, 0, "|" + " --- |".repeat(node.rows[0].cells.length));
      out.push(rows.join("\n"));
    } else if (node.matches("div.field")) {
      out.push(squash(inline(node.querySelector(".label"))) + "\n\n" + written(node.querySelector("textarea")));
    } else if (tag === "UL" || tag === "OL") {
      const checklist = node.matches(".checklist");
      out.push(
        [...node.children]
          .map((item, index) => {
            const text = squash(inline(item));
            const marker = tag === "OL" ? index + 1 + "." : "-";
            return marker + " " + (checklist && !text.startsWith("[") ? "[ ] " + text : text);
          })
          .join("\n"),
      );
    } else if (tag === "P") {
      out.push(squash(inline(node)));
    }
  }

  function markdown() {
    const out = [];
    [...document.querySelector("main").children].forEach((child) => block(child, out));
    return out.filter((part) => part).join("\n\n") + "\n";
  }

  // Saving -------------------------------------------------------------------------------------

  function download(content, type, extension) {
    const name = (document.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "worksheet") + extension;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type + ";charset=utf-8" }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function button(label, action) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    element.addEventListener("click", action);
    return element;
  }

  function tools() {
    const bar = document.createElement("nav");
    bar.className = "tools";
    bar.setAttribute("aria-label", TEXT.tools);
    const note = document.createElement("p");
    note.textContent = TEXT.kept;
    bar.append(
      button(TEXT.save_html, () => download(filledCopy(), "text/html", ".html")),
      button(TEXT.save_markdown, () => download(markdown(), "text/markdown", ".md")),
      button(TEXT.print, () => window.print()),
      note,
    );
    document.querySelector("main").before(bar);
  }

  // Made from the handbook's form (or any link): the person's details come in the address, as
  // ?engineer=&manager=&period=, and fill the header as `ladder worksheet --name ...` would.
  function fromAddress() {
    const given = new URLSearchParams(window.location.search);
    for (const field of document.querySelectorAll("main input[name]")) {
      const value = given.get(field.name);
      if (value !== null) field.value = value;
    }
    const engineer = given.get("engineer");
    if (engineer) {
      document.title = document.querySelector("h1").textContent + ": " + engineer;
      if (identity) identity.content = identity.content.replace(/^([^|]*)\|[^|]*/, (_, kind) => kind + "|" + engineer);
    }
  }

  // Started from a self-assessment (the handbook's Where I stand page): the growth grid's rows,
  // in order, as ?a=<where>:<done>.<some>.<total>[:<done>.<some>.<total>]~... and the two levels'
  // short names as al=<level>~<next>. Ticks the box for where the person stands and writes the
  // counts into the evidence, in this worksheet's own words, as `ladder worksheet --assessment` does.
  function fromAssessment() {
    const given = new URLSearchParams(window.location.search);
    const grid = document.querySelector('table[data-table="growth"] tbody');
    if (!grid || !given.get("a")) return;
    const labels = (given.get("al") || "").split("~");
    const rows = given.get("a").split("~");
    [...grid.rows].forEach((row, index) => {
      const [where, ...tallies] = (rows[index] || "").split(":");
      if (where === undefined || where === "") return;
      row.querySelectorAll("input[type=checkbox]").forEach((box, option) => {
        box.checked = option === Number(where);
      });
      const said = tallies.flatMap((tally, at) => {
        const [done, some, total] = tally.split(".");
        if (total === "0") return []; // the level asks nothing there (a dimension the next level adds)
        return [TEXT.assessed.replace(/\{(level|done|some|total)\}/g, (_, key) =>
          ({ level: labels[at] || "", done, some, total })[key])];
      });
      const evidence = row.cells[row.cells.length - 1].querySelector("textarea");
      if (evidence) evidence.value = said.join(TEXT.assessed_joiner);
    });
  }

  fromAddress();
  fromAssessment();
  restore(); // what was typed into this worksheet for this person before, if anything
  fitAll();
  tools();
  document.addEventListener("input", (event) => {
    if (event.target.matches("textarea")) fit(event.target);
    keep();
  });
  document.addEventListener("change", keep);
  window.addEventListener("beforeprint", fitAll);
})();
