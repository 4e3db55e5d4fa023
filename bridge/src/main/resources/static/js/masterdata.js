// Live targets table of the master-data page: re-reads GET /connections/{id}/masterdata/targets when the server says
// (nextPollMs: a few seconds while a sync runs or is due, longer when idle) and rewrites each row's cells and badges in
// place; each target section's item counts follow too. When a target's failed / only-in-Concur / problem counts differ
// from the item tables rendered with the page, a notice offers a reload (the tables and their Retry forms are left as
// rendered). Polling: poll.js. The content security policy allows no inline script, hence this file.
(function () {
  'use strict';
  var table = document.getElementById('targets');
  if (!table || !window.fetch || !window.bridgePoll) {
    return;
  }
  var next = parseInt(table.getAttribute('data-next-poll-ms'), 10) || 30000;
  var stale = document.getElementById('items-stale');
  var rendered = {};

  function byTarget(selector, target) {
    var found = null;
    document.querySelectorAll(selector).forEach(function (el) {
      if (el.getAttribute('data-target') === target) {
        found = el;
      }
    });
    return found;
  }

  function text(parent, className, value) {
    var el = parent.querySelector('.' + className);
    var v = value === null || value === undefined ? '' : String(value);
    if (el && el.textContent !== v) {
      el.textContent = v;
    }
  }

  function badge(parent, className, label, css) {
    var span = parent.querySelector('.' + className + ' span');
    if (span) {
      span.className = css;
      span.textContent = label;
    }
  }

  function counts(t) {
    return [t.failedItems, t.concurOnlyItems, t.problems].join('/');
  }

  function draw(view) {
    view.targets.forEach(function (t) {
      var tr = byTarget('#targets tbody tr', t.target);
      if (tr) {
        tr.setAttribute('data-state', t.state);
        tr.setAttribute('data-availability', t.availability);
        badge(tr, 'state', t.state, t.badge);
        badge(tr, 'availability', t.availability, t.availabilityBadge);
        ['started', 'finished', 'phase', 'created', 'updated', 'deleted', 'unchanged', 'failed', 'message']
          .forEach(function (name) {
            text(tr, name, t[name]);
          });
      }
      var section = byTarget('section.md-target', t.target);
      if (section) {
        text(section, 'count-synced', t.syncedItems);
        text(section, 'count-pending', t.pendingItems);
        text(section, 'count-failed', t.failedItems);
        text(section, 'count-concur-only', t.concurOnlyItems);
        text(section, 'count-problems', t.problems);
      }
      if (rendered[t.target] === undefined) {
        rendered[t.target] = section ? section.getAttribute('data-counts') : counts(t);
      }
      if (stale && rendered[t.target] !== counts(t) && !t.running) {
        stale.hidden = false;
      }
    });
    next = view.nextPollMs;
  }

  window.bridgePoll(table, function () {
    return next;
  }, draw);
}());
