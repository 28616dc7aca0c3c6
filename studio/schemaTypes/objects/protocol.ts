import {defineField, defineType} from 'sanity'
import {checkPositiveRange} from '../rules/index.ts'
import {toValidation} from '../rules/to-validation.ts'

/** How a course of treatment runs: how many sessions, how far apart. */
export const protocol = defineType({
  name: 'protocol',
  title: 'Protocol',
  type: 'object',
  fields: [
    defineField({name: 'sessionsMin', title: 'Sessions (at least)', type: 'number', validation: (rule) => rule.required().integer().positive()}),
    defineField({name: 'sessionsMax', title: 'Sessions (at most)', type: 'number', validation: (rule) => rule.required().integer().positive()}),
    defineField({name: 'intervalMinWeeks', title: 'Weeks between sessions (at least)', type: 'number', validation: (rule) => rule.required().integer().positive()}),
    defineField({name: 'intervalMaxWeeks', title: 'Weeks between sessions (at most)', type: 'number', validation: (rule) => rule.required().integer().positive()}),
  ],
  validation: (rule) =>
    rule.custom<Record<string, unknown>>((value) =>
      value === undefined
        ? true
        : toValidation([
            ...checkPositiveRange(value, 'Number of sessions', {min: 'sessionsMin', max: 'sessionsMax'}),
            ...checkPositiveRange(value, 'Weeks between sessions', {min: 'intervalMinWeeks', max: 'intervalMaxWeeks'}),
          ]),
    ),
  preview: {
    select: {sessionsMin: 'sessionsMin', sessionsMax: 'sessionsMax', intervalMinWeeks: 'intervalMinWeeks', intervalMaxWeeks: 'intervalMaxWeeks'},
    prepare: ({sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks}) => ({
      title: `${sessionsMin ?? '?'}–${sessionsMax ?? '?'} sessions, ${intervalMinWeeks ?? '?'}–${intervalMaxWeeks ?? '?'} weeks apart`,
    }),
  },
})
