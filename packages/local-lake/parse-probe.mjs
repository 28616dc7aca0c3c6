import {parse} from 'groq-js'
for (const n of [10000, 100000, 400000]) {
  const q = '*[' + '_id=="a"||'.repeat(n) + 'true]'
  const t = performance.now(); try { parse(q) } catch (e) { console.log('err', e.constructor.name, e.message.slice(0,80)) } console.log(n, q.length, Math.round(performance.now() - t), 'ms')
  const q2 = '*[_id in [' + '"a",'.repeat(n*2) + '"b"]]'
  const t2 = performance.now(); try { parse(q2) } catch (e) { console.log('err', e.message.slice(0,80)) } console.log('in-list', q2.length, Math.round(performance.now() - t2), 'ms')
}
