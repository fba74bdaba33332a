// The on-device demo page: loads the edge model once, keeps events in localStorage, recommends here.
import { loadModel, recommend, EventStore } from './candor-edge.js';
const store = new EventStore();
let model = null;
const $ = (id) => document.getElementById(id);
function render() {
  const list = $('recs');
  list.replaceChildren();
  if (!model) return;
  for (const r of recommend(model, store.events(), 10)) {
    const li = document.createElement('li');
    li.dataset.item = r.item;
    li.append(r.title);
    const why = document.createElement('div');
    why.className = 'why';
    why.textContent = r.reasons[0].text;
    li.append(why);
    list.append(li);
  }
}
$('load').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    model = await loadModel('/v1/models/edge', { apiKey: $('key').value });
    $('status').textContent = 'Model of ' + model.items.length + ' items loaded (' + model.bytes + ' bytes).';
    const box = $('items');
    box.replaceChildren();
    for (const [id, title] of model.items.slice(0, 60)) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.item = id;
      b.textContent = title;
      b.addEventListener('click', () => { store.add(id, 'view'); render(); });
      box.append(b);
    }
    render();
  } catch (e) {
    $('status').textContent = e.message;
  }
});
$('clear').addEventListener('click', () => { store.clear(); render(); });
