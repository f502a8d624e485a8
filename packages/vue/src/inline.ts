import { defineComponent, h, onMounted, watch, type PropType } from 'vue'
import { api } from '../../sdk/src/kits/api'

/**
 * The place of an inline survey: a `<div data-hetki-inline="<survey>">` that the survey's `target`
 * selector names (`"[data-hetki-inline=\"<id>\"]"`); attributes such as `id` or `class` go on it.
 * With `trigger="mount"` (default) the survey is shown in it when it mounts, like `show(id)` from a
 * "Give feedback" button: whatever its trigger and pacing say. With `trigger="rules"` it is only the
 * place: the survey shows when its own trigger fires and pacing allows. On unmount the element and
 * the survey in it leave the page. Another `survey` is another element.
 */
export const HetkiInline = defineComponent({
  name: 'HetkiInline',
  props: {
    /** The id of a survey with `"placement": "inline"`. */
    survey: { type: String, required: true },
    /** `"mount"` (default): shown when mounted; `"rules"`: only the place. */
    trigger: { type: String as PropType<'mount' | 'rules'>, default: 'mount' },
  },
  setup(props) {
    const ask = () => {
      if (props.trigger == 'mount') api.show(props.survey)
    }
    onMounted(ask)
    // After the patch, so that the new element is in the page when the SDK looks for it.
    watch(() => [props.survey, props.trigger], ask, { flush: 'post' })
    // No children: the SDK appends the survey's own element, which Vue then leaves alone. The key
    // makes another survey another element, so a survey never lands in a place left by the last one.
    return () => h('div', { key: props.survey, 'data-hetki-inline': props.survey })
  },
})
