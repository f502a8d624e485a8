// The raw view: one row per response id, as the collector stored it (the results page sums them up).
fetch('/api/responses')
  .then((res) => res.json())
  .then((rows) => {
    const body = document.getElementById('rows')
    for (const r of rows) {
      const tr = document.createElement('tr')
      const trail = (r.trail || []).map((step) => step.event).join(' → ')
      for (const text of [r.survey_id + (r.preview ? ' (preview)' : ''), r.touchpoint ? `${r.touchpoint.id} (${r.touchpoint.owner || '–'})` : '', JSON.stringify(r.answers), r.completed ? 'yes' : 'partial', r.path, trail, r.started_at]) {
        const td = document.createElement('td')
        td.textContent = text
        tr.append(td)
      }
      body.append(tr)
    }
    if (!rows.length) {
      const tr = document.createElement('tr')
      tr.append(Object.assign(document.createElement('td'), { colSpan: 7, textContent: 'No answers yet.' }))
      body.append(tr)
    }
  })
