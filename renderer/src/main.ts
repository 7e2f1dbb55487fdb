import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createKdsI18n } from './i18n'
import { followScreenSettings } from './screen'
import { startSession } from './session'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(createKdsI18n())
startSession()
followScreenSettings()
app.mount('#app')
