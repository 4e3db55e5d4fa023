// Live run history of the connection page: re-reads the runs as JSON every data-refresh-ms and redraws the table
// in place (no page reload), through poll.js. The content security policy allows no inline script, hence this file.
(function () {
  'use strict';
  var table = document.getElementById('runs');
  if (!table || !window.fetch || !window.bridgePoll) {
    return;
  }
  var every = parseInt(table.getAttribute('data-refresh-ms'), 10) || 2000;
  var columns = ['job', 'status', 'started', 'elapsed', 'phase', 'read', 'acknowledged', 'posted', 'confirmed',
    'failed', 'instance', 'message'];

  function row(run) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-run', run.id);
    tr.setAttribute('data-job', run.job);
    tr.setAttribute('data-status', run.status);
    columns.forEach(function (name) {
      var td = document.createElement('td');
      td.className = name;
      if (name === 'status') {
        var span = document.createElement('span');
        span.className = run.badge;
        span.textContent = run.status;
        if (run.heartbeatAge !== null && run.heartbeatAge !== undefined) {
          span.title = 'last heartbeat ' + run.heartbeatAge + ' s ago';
        }
        td.appendChild(span);
      } else {
        td.textContent = run[name] === null || run[name] === undefined ? '' : String(run[name]);
      }
      tr.appendChild(td);
    });
    return tr;
  }

  function draw(runs) {
    var body = document.createElement('tbody');
    runs.forEach(function (run) {
      body.appendChild(row(run));
    });
    table.replaceChild(body, table.tBodies[0]);
  }

  window.bridgePoll(table, function () {
    return every;
  }, draw);
}());
