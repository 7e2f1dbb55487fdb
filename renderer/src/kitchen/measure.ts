// `v-measure="observer"`: the element is observed by that ResizeObserver while it is in the page
// (the tiled board measures every ticket it draws, shown or out of sight, with one observer).
import type { Directive } from 'vue'

export const vMeasure: Directive<HTMLElement, ResizeObserver | null> = {
  mounted(element, binding) {
    binding.value?.observe(element)
  },
  beforeUnmount(element, binding) {
    binding.value?.unobserve(element)
  },
}
