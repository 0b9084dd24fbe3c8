// The statement page's span picker: selecting words in the article text fills in the
// statement's start and end. Offsets count characters (code points) as Python does.
// Without this script the offsets are typed by hand.
"use strict";

(function () {
  function codePoints(text) {
    return Array.from(text).length;
  }

  function offsetIn(root, node, offset) {
    const range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  function setUp(picker) {
    const text = picker.querySelector("[data-span-picker-text]");
    const status = picker.querySelector("[data-span-picker-status]");
    const start = document.getElementById("id_start");
    const end = document.getElementById("id_end");
    if (!text || !start || !end) {
      return;
    }

    function pick() {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        return;
      }
      const range = selection.getRangeAt(0);
      if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) {
        return;
      }
      const selected = range.toString();
      const lead = codePoints(selected) - codePoints(selected.trimStart());
      const trail = codePoints(selected) - codePoints(selected.trimEnd());
      const from = offsetIn(text, range.startContainer, range.startOffset) + lead;
      const to = offsetIn(text, range.endContainer, range.endOffset) - trail;
      if (to <= from) {
        return;
      }
      start.value = from;
      end.value = to;
      start.dispatchEvent(new Event("change", { bubbles: true }));
      end.dispatchEvent(new Event("change", { bubbles: true }));
      if (status) {
        status.textContent = "Start " + from + ", end " + to + ": “" + selected.trim() + "”";
      }
    }

    text.addEventListener("mouseup", pick);
    text.addEventListener("keyup", pick);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-span-picker]").forEach(setUp);
  });
})();
