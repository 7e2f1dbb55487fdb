// A display without a screen, run as its own process so a test can kill -9 it: the feed and
// the journaled board, printing `ack <seq> <id> <condition>` for every change the moment it
// would be shown.
// Usage: node --import tsx tests/helpers/display-process.ts <server url> <data dir>
import { Board } from '../../electron/core/board'
import { silentLogger } from '../../electron/core/logger'
import { OrderFeed } from '../../electron/core/order-feed'
import { changeId } from '../../electron/common/board'

const [url, dir] = process.argv.slice(2)
if (url === undefined || dir === undefined) {
  console.error('usage: display-process.ts <server url> <data dir>')
  process.exit(2)
}
const board = Board.open(dir, { log: silentLogger })
board.on('event', (event) => {
  // Only the feed changes happen here: nobody bumps on a display without a screen.
  const condition = board.get(changeId(event))?.condition
  process.stdout.write(`ack ${event.seq} ${changeId(event)} ${condition}\n`)
})
const feed = new OrderFeed({ url, token: 'demo-watcher', log: silentLogger })
feed.on('change', (change) => board.apply(change))
feed.on('status', (status) => process.stdout.write(`state ${status.state}\n`))
feed.start()
