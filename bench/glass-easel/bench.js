// The peer side of bench/bridge/fc-bench-bridge.c: the seed's Quick Start video page
// (bench/quickstart/video.fxml and its data) mounted by glass-easel, 10,000
// setData calls on one key with one dependent attribute, 10,000 events
// delivered to a page method, and the heap cost of a page of 10,000
// component instances. Prints one JSON object per measurement.
'use strict'
const fs = require('fs')
const path = require('path')
const glassEasel = require('glass-easel')
const { TmplGroup } = require('glass-easel-template-compiler')

const dir = path.join(__dirname, '..', 'quickstart')
const fxml = fs.readFileSync(path.join(dir, 'video.fxml'), 'utf8')
const pageData = JSON.parse(fs.readFileSync(path.join(dir, 'video.data.json'), 'utf8'))
const N = Number(process.env.FC_BENCH_N || 10000)

glassEasel.addGlobalWarningListener(() => false) // the bridge warns too, silently

const compile = (src) => {
  const group = new TmplGroup()
  group.addTmpl('', src)
  const gen = new Function(`return ${group.getTmplGenObjectGroups()}`)()
  group.free()
  return { content: gen[''] }
}

const space = new glassEasel.ComponentSpace()
space.defineComponent({ is: 'view', template: compile('<slot />') })

// The component's schema, exactly as the bridge's descriptor declares it.
const videoRecognition = space.defineComponent({
  is: 'video-recognition',
  template: compile('<slot />'),
  properties: {
    resolution: { type: String, value: 'medium' },
    mask: { type: String, value: '' },
    recordTime: { type: Number, value: 30000 },
    top: { type: Number, value: 20 },
    stepList: { type: Array, value: [] },
    buttonStyle: { type: Object, value: {} },
  },
})

let delivered = 0
const page = space.defineComponent({
  is: 'page',
  using: { 'video-recognition': videoRecognition },
  template: compile(fxml),
  data: pageData,
  methods: {
    onRecordReady () { delivered++ },
    onRecordStart () { delivered++ },
    onRecordEnd () { delivered++ },
    onRecordError () { delivered++ },
  },
})

const backend = new glassEasel.EmptyComposedBackendContext()
const now = () => process.hrtime.bigint()
const report = (op, ns, n, extra) =>
  console.log(JSON.stringify({ peer: 'glass-easel', op, n, ns_per_op: Number(ns) / n, ...extra }))

// Warm up the JIT the way a long-running host would be warm.
for (let i = 0; i < 200; i++) glassEasel.Component.createWithContext('body', page, backend)

{
  const mounts = 2000
  const t0 = now()
  for (let i = 0; i < mounts; i++) glassEasel.Component.createWithContext('body', page, backend)
  report('mount', now() - t0, mounts)
}

const root = glassEasel.Component.createWithContext('body', page, backend)
// The page's fxml is the seed's, unchanged (no id), so find the component by tag.
const findTag = (node, tag) => {
  if (node.tagName === tag) return node
  for (const c of node.childNodes || []) { const f = findTag(c, tag); if (f) return f }
  return null
}
const child = findTag(root.shadowRoot, 'video-recognition')
{
  const t0 = now()
  for (let i = 0; i < N; i++) root.setData({ recordTime: 1000 + i })
  const ns = now() - t0
  if (child.data.recordTime !== 1000 + N - 1) throw new Error('setData did not reach the component')
  report('setData', ns, N)
}
{
  delivered = 0
  const t0 = now()
  for (let i = 0; i < N; i++) child.triggerEvent('onRecordStart', { i })
  const ns = now() - t0
  if (delivered !== N) throw new Error(`${delivered} of ${N} events delivered`)
  report('event', ns, N)
}
// a binding that calls a WXS module's function, per setData: a function
// the bridge runs without its engine (wxs-price.fxml), and the same with
// an `if`, which the bridge's engine runs (wxs-price-engine.fxml)
for (const [op, file] of [['setData-wxs', 'wxs-price.fxml'], ['setData-wxs-engine', 'wxs-price-engine.fxml']]) {
  const wxsPage = space.defineComponent({
    is: op,
    using: { 'video-recognition': videoRecognition },
    template: compile(fs.readFileSync(path.join(dir, file), 'utf8')),
    data: { cents: 0 },
  })
  const w = glassEasel.Component.createWithContext('body', wxsPage, backend)
  const rec = findTag(w.shadowRoot, 'video-recognition')
  for (let i = 0; i < 1000; i++) w.setData({ cents: i })
  const t0 = now()
  for (let i = 0; i < N; i++) w.setData({ cents: i })
  const ns = now() - t0
  if (rec.data.mask !== '¥' + ((N - 1) / 100).toFixed(2)) throw new Error('setData did not reach the WXS binding')
  report(op, ns, N)
}
{
  const many = space.defineComponent({
    is: 'many',
    using: { 'video-recognition': videoRecognition },
    template: compile('<block wx:for="{{list}}"><video-recognition recordTime="{{item}}" /></block>'),
    data: { list: [] },
  })
  global.gc && global.gc()
  const before = process.memoryUsage().heapUsed
  const m = glassEasel.Component.createWithContext('body', many, backend)
  m.setData({ list: Array.from({ length: N }, (_, i) => i) })
  global.gc && global.gc()
  const after = process.memoryUsage().heapUsed
  report('instance-memory', 0, N, { bytes_per_instance: (after - before) / N })
}
{
  // issue 16's page (bench/listpage): 100 items, each a local component
  // (`card`, its own template and a slot) holding an imported template
  const lp = path.join(__dirname, '..', 'listpage')
  const read = (p) => fs.readFileSync(path.join(lp, p), 'utf8')
  const group = new TmplGroup()
  group.addTmpl('pages/list/list', read('pages/list/list.fxml'))
  group.addTmpl('pages/list/row.fxml', read('pages/list/row.fxml')) // src="row.fxml", as the compiler names it
  group.addTmpl('components/card/card', read('components/card/card.fxml'))
  const groupList = new Function(`return ${group.getTmplGenObjectGroups()}`)()
  group.free()
  const tmpl = (p) => ({ groupList, content: groupList[p] })
  const cardJson = JSON.parse(read('components/card/card.json'))
  const types = { String, Number, Boolean, Object, Array }
  const properties = {}
  for (const [k, v] of Object.entries(cardJson.properties)) properties[k] = { type: types[v.type], value: v.value }
  const card = space.defineComponent({ is: 'components/card/card', template: tmpl('components/card/card'), properties })
  const listData = JSON.parse(read('pages/list/list.data.json'))
  const listPage = space.defineComponent({
    is: 'pages/list/list',
    using: { card },
    template: tmpl('pages/list/list'),
    data: listData,
    methods: { onPick () { delivered++ } },
  })
  for (let i = 0; i < 50; i++) glassEasel.Component.createWithContext('body', listPage, backend)
  {
    const mounts = 200
    const t0 = now()
    for (let i = 0; i < mounts; i++) glassEasel.Component.createWithContext('body', listPage, backend)
    report('list-mount', now() - t0, mounts)
  }
  const lr = glassEasel.Component.createWithContext('body', listPage, backend)
  const findId = (node, id) => {
    if (node.id === id) return node
    for (const c of node.childNodes || []) { const f = findId(c, id); if (f) return f }
    return null
  }
  const c42 = findId(lr.shadowRoot, 'card-42')
  // what a person would read in card 42: its own title and price around the
  // slot, and in the slot the imported row template with the item's fields
  const cardText = (n) => {
    const sr = n.getShadowRoot()
    const walk = (x) => {
      if (!x.childNodes) return x.textContent
      if (x.is === 'slot') return (n.childNodes || []).map(walk).join('')
      return (x.childNodes || []).map(walk).join('')
    }
    return walk(sr)
  }
  if (cardText(c42) !== 'Item 42Item 42420420') throw new Error(`card 42 reads ${JSON.stringify(cardText(c42))}`)
  for (let i = 0; i < 1000; i++) lr.setData({ 'items[42].price': i })
  const t0 = now()
  for (let i = 0; i < N; i++) lr.setData({ 'items[42].price': i })
  const ns = now() - t0
  if (c42.data.price !== N - 1) throw new Error('setData did not reach card 42')
  report('list-setData', ns, N)
}
