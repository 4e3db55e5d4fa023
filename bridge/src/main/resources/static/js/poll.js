// Shared by the connection page's live tables (runs.js, jobs.js): re-reads the table's data-src as JSON after
// delay() ms, hands the answer to draw(), and starts over (skipped while the tab is hidden). A failed read (e.g.
// signed out) keeps the table as it is and is noted in its data-refresh-error. The CSP allows no inline script.
window.bridgePoll = function (table, delay, draw) {
  'use strict';
  var src = table.getAttribute('data-src');

  function refresh() {
    if (document.hidden) {
      schedule();
      return;
    }
    fetch(src, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) {
        if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (json) {
        draw(json);
        table.setAttribute('data-refreshed', String(Date.now()));
      })
      .catch(function (e) {
        table.setAttribute('data-refresh-error', String(e));
      })
      .then(schedule);
  }

  function schedule() {
    window.setTimeout(refresh, delay());
  }

  schedule();
};
