fetch('/api/responses')
  .then((res) => res.json())
  .then((rows) => {
    const body = document.getElementById('rows')
    for (const r of rows) {
      const tr = document.createElement('tr')
      for (const text of [r.survey_id, JSON.stringify(r.answers), r.completed ? 'yes' : 'partial', r.path, r.started_at]) {
        const td = document.createElement('td')
        td.textContent = text
        tr.append(td)
      }
      body.append(tr)
    }
    if (!rows.length) body.innerHTML = '<tr><td colspan="5">No answers yet.</td></tr>'
  })
