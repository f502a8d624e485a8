import { createElement, useEffect, type HTMLAttributes, type ReactElement } from 'react'
import { api as hetki } from '../../sdk/src/kits/api'

/** Props of {@link HetkiInline}: the survey, when it shows, and any attribute of its `<div>`. */
export interface HetkiInlineProps extends HTMLAttributes<HTMLDivElement> {
  /** The id of a survey with `"placement": "inline"` and `"target": "[data-hetki-inline=\"<id>\"]"`. */
  survey: string
  /**
   * `"mount"` (default): the survey is shown when the component mounts, like `show(id)` from a
   * "Give feedback" button: whatever its trigger and pacing say. `"rules"`: the component is only the
   * place; the survey shows when its own trigger fires and pacing allows.
   */
  trigger?: 'mount' | 'rules'
}

function Place({ survey, trigger = 'mount', ...attributes }: HetkiInlineProps): ReactElement {
  useEffect(() => {
    if (trigger == 'mount') hetki.show(survey)
  }, [survey, trigger])
  // No children: the SDK appends the survey's own element, which React then leaves alone.
  return createElement('div', { ...attributes, 'data-hetki-inline': survey })
}

/**
 * The place of an inline survey: a `<div data-hetki-inline="<survey>">` that the survey's `target`
 * selector names, and, with `trigger="mount"`, the survey shown in it when it mounts. On unmount the
 * element and the survey in it leave the page. Another `survey` is another element.
 */
export const HetkiInline = (props: HetkiInlineProps): ReactElement => createElement(Place, { ...props, key: props.survey })
