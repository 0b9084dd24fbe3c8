// The review desk. Choose a statement (click it, or j / k) to open its panel; decide it
// with one key per verdict (1–6); select words in the text to mark a new statement, a
// correction, or the open statement's new place. Saves go through fetch and redraw only
// what changed. Without this script every panel is a plain form on the page.
//
// Offsets count characters (code points) of the article's body, as Python does: each run
// of text in the page carries its offset (data-offset), and the blank lines between
// paragraphs, which are not drawn, are the gaps between runs.
"use strict";

(function () {
  const VERDICT_KEYS = ["1", "2", "3", "4", "5", "6"];

  function codePoints(text) {
    return Array.from(text).length;
  }

  function short(text, length) {
    const chars = Array.from(text);
    return chars.length > length ? chars.slice(0, length - 1).join("") + "…" : text;
  }

  function csrfToken(form) {
    const input = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) {
      return input.value;
    }
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function fragment(html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content;
  }

  function setUp(desk) {
    const body = desk.querySelector("[data-review-body]");
    const statementsBox = desk.querySelector("[data-review-statements]");
    const newSection = desk.querySelector("[data-review-new]");
    const placeholder = desk.querySelector("[data-review-placeholder]");
    const status = desk.querySelector("[data-review-status]");
    const adder = desk.querySelector("[data-review-adder]");
    const orphansBox = desk.querySelector("[data-review-orphans]");
    const correctionsBox = desk.querySelector("[data-review-corrections]");
    let current = null; // the open statement's id, a string
    let selected = null; // {start, end, quote} of the words last selected

    function enhance(root) {
      root.querySelectorAll("[data-js-only]").forEach((element) => {
        element.hidden = false;
      });
      root.querySelectorAll("[data-no-js]").forEach((element) => {
        element.hidden = true;
      });
      root.querySelectorAll("[data-autocomplete]").forEach(setUpAutocomplete);
    }

    function announce(message) {
      // Set anew even when unchanged, so that screen readers repeat it.
      status.textContent = "";
      window.requestAnimationFrame(() => {
        status.textContent = message;
      });
    }

    // Statements and panels ------------------------------------------------------------

    function sections() {
      return Array.from(statementsBox.querySelectorAll("[data-statement-panel]"));
    }

    function sectionFor(id) {
      return statementsBox.querySelector(`[data-statement-panel="${id}"]`);
    }

    function linkFor(id) {
      return body.querySelector(`[data-statement-link="${id}"]`);
    }

    function order() {
      // Reading order: as first marked in the text, then those that lost their place.
      const ids = [];
      body.querySelectorAll("[data-statement-link]").forEach((link) => {
        if (!ids.includes(link.dataset.statementLink)) {
          ids.push(link.dataset.statementLink);
        }
      });
      sections().forEach((section) => {
        if (!ids.includes(section.dataset.statementPanel)) {
          ids.push(section.dataset.statementPanel);
        }
      });
      return ids;
    }

    function showOnly(element) {
      sections().forEach((section) => {
        section.hidden = section !== element;
      });
      if (newSection) {
        newSection.hidden = newSection !== element;
      }
      placeholder.hidden = element !== null;
    }

    function markCurrent(id) {
      body.querySelectorAll("mark.is-current").forEach((mark) => mark.classList.remove("is-current"));
      if (id !== null) {
        body
          .querySelectorAll(`mark[data-statement="${id}"]`)
          .forEach((mark) => mark.classList.add("is-current"));
      }
    }

    function describe(section) {
      const verdict = section.querySelector("[data-verdict-label]");
      const quote = section.querySelector(".review-title-quote");
      return `${verdict ? verdict.textContent.trim() : ""}. ${quote ? quote.textContent : ""}`;
    }

    function open(id, options) {
      const { focus = "panel", quiet = false } = options || {};
      const section = sectionFor(id);
      if (!section) {
        return;
      }
      current = String(id);
      showOnly(section);
      markCurrent(current);
      const link = linkFor(current);
      if (focus === "text" && link) {
        link.focus();
      } else if (focus === "panel" || (focus === "text" && !link)) {
        section.focus({ preventScroll: true });
      }
      if (link) {
        link.scrollIntoView({ block: "nearest" });
      }
      section.closest("[data-review-panel]").scrollTop = 0;
      history.replaceState(null, "", `#review-statement-${current}`);
      updateMoveButton();
      if (!quiet) {
        const ids = order();
        announce(`Statement ${ids.indexOf(current) + 1} of ${ids.length}: ${describe(section)}`);
      }
    }

    function close() {
      const id = current;
      current = null;
      showOnly(null);
      markCurrent(null);
      hideAdder();
      history.replaceState(null, "", location.pathname + location.search);
      const link = id && linkFor(id);
      if (link) {
        link.focus();
      }
      announce("Panel closed.");
    }

    function step(by) {
      const ids = order();
      if (!ids.length) {
        return;
      }
      let index = current === null ? (by > 0 ? -1 : ids.length) : ids.indexOf(current);
      index = Math.min(Math.max(index + by, 0), ids.length - 1);
      open(ids[index], { focus: "text" });
    }

    function replacePanel(id, html) {
      const fresh = fragment(html).firstElementChild;
      const old = sectionFor(id);
      if (old) {
        old.replaceWith(fresh);
      } else {
        statementsBox.appendChild(fresh);
      }
      enhance(fresh);
      return fresh;
    }

    function updateMarks(statement) {
      body.querySelectorAll(`mark[data-statement="${statement.id}"]`).forEach((mark) => {
        mark.classList.remove(`verdict-${mark.dataset.verdict}`);
        mark.classList.add(`verdict-${statement.verdict}`);
        mark.dataset.verdict = statement.verdict;
        const link = mark.querySelector("a");
        if (link) {
          link.title = link.title.replace(/^[^:]*:/, `${statement.label}:`);
        }
      });
      const badge = body.querySelector(`[data-badge="${statement.id}"]`);
      if (badge) {
        const icon = document.createElement("span");
        icon.className = "verdict-icon";
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = statement.icon;
        badge.replaceChildren(icon, ` ${statement.label}`);
      }
    }

    // Saving -------------------------------------------------------------------------------

    function showFormError(form, message, errors) {
      let box = form.querySelector(".review-form-error");
      if (!box) {
        box = document.createElement("p");
        box.className = "review-form-error";
        box.setAttribute("role", "alert");
        form.prepend(box);
      }
      const details = Object.values(errors || {})
        .flat()
        .filter((text) => text !== message);
      box.textContent = [message, ...details].join(" ");
    }

    async function submit(form, submitter) {
      const data = new FormData(form);
      if (submitter && submitter.name) {
        data.set(submitter.name, submitter.value);
      }
      form.classList.add("is-saving");
      form.setAttribute("aria-busy", "true");
      let response;
      let payload;
      try {
        response = await fetch(form.action, {
          method: "POST",
          body: data,
          credentials: "same-origin",
          headers: {
            Accept: "application/json",
            "X-Requested-With": "XMLHttpRequest",
            "X-CSRFToken": csrfToken(form),
          },
        });
        payload = await response.json();
      } catch (error) {
        showFormError(
          form,
          "Not saved: the connection failed or your session ended. Reload the page and try again."
        );
        announce("Not saved.");
        return;
      } finally {
        form.classList.remove("is-saving");
        form.removeAttribute("aria-busy");
      }
      if (response.ok) {
        applied(form, payload);
      } else {
        refused(form, payload);
      }
    }

    function applied(form, payload) {
      const kind = form.dataset.reviewForm;
      if (payload.body !== undefined) {
        body.innerHTML = payload.body;
        orphansBox.innerHTML = payload.orphans;
        correctionsBox.innerHTML = payload.corrections;
        desk.querySelectorAll("[data-article-version]").forEach((input) => {
          input.value = payload.article_version;
        });
      }
      if (kind === "new" || kind === "correction") {
        newSection.querySelectorAll("form").forEach((each) => {
          each.reset();
          each.querySelectorAll("input[type=hidden][name=end], [data-autocomplete-id]").forEach(
            (input) => {
              input.value = "";
            }
          );
          const error = each.querySelector(".review-form-error");
          if (error) {
            error.remove();
          }
        });
      }
      if (payload.statement) {
        replacePanel(payload.statement.id, payload.panel);
        if (payload.body === undefined) {
          updateMarks(payload.statement);
        }
        open(String(payload.statement.id), { quiet: true });
      } else if (kind === "correction") {
        showOnly(null);
      }
      announce(payload.message);
    }

    function refused(form, payload) {
      if (payload.panel && payload.statement) {
        // The panel as now saved, with what the other editor changed shown in it.
        const section = replacePanel(payload.statement.id, payload.panel);
        updateMarks(payload.statement);
        open(String(payload.statement.id), { quiet: true });
        const problem = section.querySelector("[data-review-problem]");
        if (problem) {
          problem.scrollIntoView({ block: "nearest" });
        }
        announce(`Not saved. ${payload.error}`);
        return;
      }
      showFormError(form, payload.error || "Not saved.", payload.errors);
      announce(`Not saved. ${payload.error || ""}`);
    }

    desk.addEventListener("submit", (event) => {
      const form = event.target.closest("[data-review-form]");
      if (!form) {
        return;
      }
      event.preventDefault();
      submit(form, event.submitter);
    });

    // Selecting words ----------------------------------------------------------------------

    function runOf(node) {
      const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      const run = element && element.closest("[data-offset]");
      return run && body.contains(run) ? run : null;
    }

    function offsetAt(node, offset, isStart) {
      const run = runOf(node);
      if (run) {
        const range = document.createRange();
        range.setStart(run, 0);
        range.setEnd(node, offset);
        return Number(run.dataset.offset) + codePoints(range.toString());
      }
      // Outside the text runs (on a verdict badge, between paragraphs): the nearest text.
      const runs = Array.from(body.querySelectorAll("[data-offset]"));
      const point = document.createRange();
      point.setStart(node, offset);
      if (isStart) {
        const next = runs.find((each) => point.comparePoint(each, 0) >= 0);
        return next ? Number(next.dataset.offset) : null;
      }
      const before = runs.filter((each) => point.comparePoint(each, each.childNodes.length) <= 0);
      const last = before[before.length - 1];
      return last ? Number(last.dataset.offset) + codePoints(last.textContent) : null;
    }

    function bodyChars() {
      // The body as the server has it: the runs, with the blank lines between paragraphs.
      const chars = [];
      body.querySelectorAll("[data-offset]").forEach((run) => {
        const offset = Number(run.dataset.offset);
        while (chars.length < offset) {
          chars.push("\n");
        }
        chars.push(...Array.from(run.textContent));
      });
      return chars;
    }

    function readSelection() {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        return null;
      }
      const range = selection.getRangeAt(0);
      if (!body.contains(range.commonAncestorContainer)) {
        return null;
      }
      let start = offsetAt(range.startContainer, range.startOffset, true);
      let end = offsetAt(range.endContainer, range.endOffset, false);
      if (start === null || end === null) {
        return null;
      }
      const chars = bodyChars();
      while (start < end && /\s/.test(chars[start])) {
        start += 1;
      }
      while (end > start && /\s/.test(chars[end - 1])) {
        end -= 1;
      }
      if (end <= start) {
        return null;
      }
      return { start, end, quote: chars.slice(start, end).join(""), rect: range.getBoundingClientRect() };
    }

    function updateMoveButton() {
      const move = adder.querySelector('[data-adder="move"]');
      if (!move) {
        return;
      }
      const section = current !== null ? sectionFor(current) : null;
      const form = section && section.querySelector('[data-review-form="span"]');
      move.hidden = !form;
      if (form) {
        const lost = section.querySelector(".review-lost") !== null;
        move.textContent = lost ? "Place it again here" : "Move the open statement here";
      }
    }

    function showAdder(found) {
      selected = found;
      updateMoveButton();
      if (!adder.querySelector("[data-adder]:not([hidden])")) {
        return;
      }
      const box = desk.getBoundingClientRect();
      adder.hidden = false;
      adder.style.top = `${found.rect.bottom - box.top + 6}px`;
      adder.style.left = `${Math.max(0, found.rect.left - box.left)}px`;
    }

    function hideAdder() {
      adder.hidden = true;
    }

    function checkSelection() {
      const found = readSelection();
      if (found) {
        showAdder(found);
      } else {
        hideAdder();
      }
    }

    function fill(form, found) {
      form.querySelector("[name=quote]").value = found.quote;
      form.querySelector("[name=start]").value = found.start;
      form.querySelector("[name=end]").value = found.end;
    }

    function useSelection(kind) {
      const found = selected;
      hideAdder();
      if (!found) {
        return;
      }
      if (kind === "move") {
        const form = current !== null && sectionFor(current).querySelector('[data-review-form="span"]');
        if (form) {
          fill(form, found);
          submit(form, null);
        }
        return;
      }
      newSection.querySelectorAll("form").forEach((form) => fill(form, found));
      current = null;
      markCurrent(null);
      showOnly(newSection);
      const form = newSection.querySelector(
        kind === "statement" ? '[data-review-form="new"]' : '[data-review-form="correction"]'
      );
      const first = kind === "statement" ? form.querySelector("[data-autocomplete]") : form.querySelector("[name=text]");
      form.scrollIntoView({ block: "nearest" });
      (first || form).focus();
      announce(`Selected “${short(found.quote, 60)}”, characters ${found.start} to ${found.end}.`);
    }

    body.addEventListener("mouseup", () => window.setTimeout(checkSelection, 0));
    body.addEventListener("keyup", (event) => {
      if (event.shiftKey) {
        checkSelection();
      }
    });
    document.addEventListener("mousedown", (event) => {
      if (!adder.contains(event.target)) {
        hideAdder();
      }
    });

    // A quote typed by hand is looked for in the text: the selected offsets no longer hold.
    desk.addEventListener("input", (event) => {
      if (event.target.name === "quote" && event.target.form) {
        event.target.form.querySelector("[name=end]").value = "";
      }
    });

    desk.addEventListener("click", (event) => {
      const adderButton = event.target.closest("[data-adder]");
      if (adderButton) {
        useSelection(adderButton.dataset.adder);
        return;
      }
      if (event.target.closest("[data-review-close]")) {
        close();
        return;
      }
      const place = event.target.closest("[data-place]");
      if (place) {
        event.preventDefault();
        open(place.dataset.place, { quiet: true });
        announce("Select the statement's words in the text, then choose “Place it again here”.");
        return;
      }
      const link = event.target.closest("[data-statement-link]");
      if (link) {
        event.preventDefault();
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed && body.contains(selection.anchorNode)) {
          return; // selecting words, not choosing the statement
        }
        open(link.dataset.statementLink);
      }
    });

    // Keys ---------------------------------------------------------------------------------

    function inField(element) {
      return element.closest && element.closest("input, textarea, select, [contenteditable]");
    }

    function onStatement(element) {
      return element.matches && element.matches("[data-statement-link], [data-statement-panel]");
    }

    function setVerdict(key) {
      const section = current !== null && sectionFor(current);
      if (!section) {
        return false;
      }
      const button = section.querySelector(`[data-verdict-key="${key}"]`);
      if (!button) {
        announce("You may not set verdicts.");
        return true;
      }
      submit(button.form, button);
      return true;
    }

    function focusNote() {
      const section = current !== null && sectionFor(current);
      const note = section && section.querySelector("[data-review-note]");
      if (!note) {
        return false;
      }
      note.focus();
      return true;
    }

    document.addEventListener("keydown", (event) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      const target = event.target;
      if (event.key === "Escape") {
        if (!adder.hidden) {
          hideAdder();
        } else if (inField(target)) {
          const section = target.closest("[data-statement-panel], [data-review-new]");
          if (!section) {
            return;
          }
          section.focus(); // leave the field first; Escape again closes
        } else if (current !== null || (newSection && !newSection.hidden)) {
          close();
        } else {
          return;
        }
        event.preventDefault();
        return;
      }
      if (inField(target)) {
        return;
      }
      switch (event.key) {
        case "j":
          step(1);
          break;
        case "k":
          step(-1);
          break;
        case "ArrowDown":
        case "ArrowRight":
          if (!onStatement(target)) {
            return;
          }
          step(1);
          break;
        case "ArrowUp":
        case "ArrowLeft":
          if (!onStatement(target)) {
            return;
          }
          step(-1);
          break;
        case "e":
          if (!focusNote()) {
            return;
          }
          break;
        default:
          if (!VERDICT_KEYS.includes(event.key) || !setVerdict(event.key)) {
            return;
          }
      }
      event.preventDefault();
    });

    // Sources by autocomplete (the admin's own endpoint) ---------------------------------------

    function setUpAutocomplete(input) {
      if (input.dataset.ready) {
        return;
      }
      input.dataset.ready = "1";
      const hidden = input.parentElement.querySelector("[data-autocomplete-id]");
      const list = document.createElement("ul");
      list.id = `${input.id}-suggestions`;
      list.className = "review-suggestions";
      list.setAttribute("role", "listbox");
      list.setAttribute("aria-label", "Suggestions");
      list.hidden = true;
      input.after(list);
      input.setAttribute("role", "combobox");
      input.setAttribute("aria-autocomplete", "list");
      input.setAttribute("aria-expanded", "false");
      input.setAttribute("aria-controls", list.id);
      let results = [];
      let active = -1;
      let timer = null;

      function shut() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
      }

      function highlight() {
        list.querySelectorAll("[role=option]").forEach((option, index) => {
          option.setAttribute("aria-selected", String(index === active));
        });
        if (active >= 0) {
          input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
        }
      }

      function pick(index) {
        const item = results[index];
        input.value = item.text;
        hidden.value = item.id;
        shut();
        announce(`Chosen: ${item.text}.`);
      }

      async function search() {
        const term = input.value.trim();
        if (!term) {
          shut();
          return;
        }
        const url = new URL(desk.dataset.autocompleteUrl, location.href);
        url.search = new URLSearchParams({
          app_label: "stories",
          model_name: "statement",
          field_name: input.dataset.autocomplete,
          term,
        }).toString();
        try {
          const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
          if (!response.ok) {
            return;
          }
          results = (await response.json()).results || [];
        } catch (error) {
          return;
        }
        if (input.value.trim() !== term) {
          return; // typed on since
        }
        list.replaceChildren(
          ...results.map((item, index) => {
            const option = document.createElement("li");
            option.id = `${list.id}-${index}`;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.textContent = item.text;
            option.addEventListener("mousedown", (event) => {
              event.preventDefault();
              pick(index);
            });
            return option;
          })
        );
        active = -1;
        list.hidden = results.length === 0;
        input.setAttribute("aria-expanded", String(!list.hidden));
        announce(results.length ? `${results.length} known sources match.` : `No known source matches “${term}”.`);
      }

      input.addEventListener("input", () => {
        hidden.value = "";
        window.clearTimeout(timer);
        timer = window.setTimeout(search, 200);
      });
      input.addEventListener("keydown", (event) => {
        if (list.hidden || !results.length) {
          return;
        }
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          const by = event.key === "ArrowDown" ? 1 : -1;
          active = (active + by + results.length) % results.length;
          highlight();
        } else if (event.key === "Enter" && active >= 0) {
          event.preventDefault();
          pick(active);
        } else if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          shut();
        }
      });
      input.addEventListener("blur", () => window.setTimeout(shut, 150));
    }

    // Start ----------------------------------------------------------------------------------

    desk.classList.add("js-review");
    enhance(desk);
    const wanted = location.hash.match(/^#review-statement-(\d+)/);
    if (wanted && sectionFor(wanted[1])) {
      open(wanted[1], { quiet: true });
    } else if (location.hash === "#review-new" && newSection) {
      showOnly(newSection);
    } else {
      showOnly(null);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-review]").forEach(setUp);
  });
})();
