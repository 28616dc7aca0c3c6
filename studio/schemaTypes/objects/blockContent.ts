import {defineArrayMember, defineField, defineType} from 'sanity'
import {allowedLinkProtocols, isAllowedLink} from '../rules/index.ts'

/**
 * Rich text for treatment pages. Registered as an alias type so that
 * `sanity-plugin-internationalized-array` can localize it as `internationalizedArrayBlockContent`.
 */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Rich text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        {title: 'Normal', value: 'normal'},
        {title: 'Heading 2', value: 'h2'},
        {title: 'Heading 3', value: 'h3'},
        {title: 'Quote', value: 'blockquote'},
      ],
      lists: [
        {title: 'Bullet', value: 'bullet'},
        {title: 'Numbered', value: 'number'},
      ],
      marks: {
        decorators: [
          {title: 'Strong', value: 'strong'},
          {title: 'Emphasis', value: 'em'},
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link',
            type: 'object',
            fields: [
              defineField({
                name: 'href',
                title: 'URL',
                type: 'url',
                validation: (rule) =>
                  rule
                    .required()
                    .uri({scheme: [...allowedLinkProtocols]})
                    .custom((href) =>
                      href === undefined || isAllowedLink(href)
                        ? true
                        : `Links must start with ${allowedLinkProtocols.join(':, ')}: so a reader's browser never runs them.`,
                    ),
              }),
            ],
          }),
        ],
      },
    }),
  ],
})
