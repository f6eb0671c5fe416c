import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import { resourceNames } from '../../src/resource/names.js';
import { parseFields } from '../../src/resource/plan-resource.js';

function usageError(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    const cliError = error as CliError;
    expect(cliError.code).toBe('INVALID_RESOURCE');
    expect(cliError.exitCode).toBe(2);
    expect(cliError.hint).toBeTruthy();
    return cliError;
  }
  throw new Error('expected a CliError');
}

describe('parseFields', () => {
  it('reads names, types, optionality and snake_case columns', () => {
    expect(parseFields('title:string,price:number,published:boolean?')).toEqual([
      { name: 'title', column: 'title', type: 'string', optional: false },
      { name: 'price', column: 'price', type: 'number', optional: false },
      { name: 'published', column: 'published', type: 'boolean', optional: true },
    ]);
    expect(parseFields(' publishedAt : datetime ? , line2:text').map((f) => [f.name, f.column, f.type, f.optional])).toEqual([
      ['publishedAt', 'published_at', 'datetime', true],
      ['line2', 'line2', 'text', false],
    ]);
  });

  it('accepts every type and the usual aliases', () => {
    const spec = 'a:string,b:text,c:number,d:integer,e:boolean,f:date,g:datetime,h:uuid,i:int,j:bool,k:float,l:timestamp,m:UUID';
    expect(parseFields(spec).map((f) => f.type)).toEqual([
      'string', 'text', 'number', 'integer', 'boolean', 'date', 'datetime', 'uuid', 'integer', 'boolean', 'number', 'datetime', 'uuid',
    ]);
  });

  it.each([
    ['', /No fields/],
    ['   ', /No fields/],
    ['title:string,,price:number', /Empty entry/],
    ['title:string,', /Empty entry/],
    ['title', /expected name:type/],
    ['title:', /expected name:type/],
    [':string', /expected name:type/],
    ['title:string:extra', /expected name:type/],
    ['title:varchar', /Unknown type "varchar"/],
    ['title:string??', /Unknown type/],
    ['Title:string', /Invalid field name "Title"/],
    ['1title:string', /Invalid field name/],
    ['sub-title:string', /Invalid field name/],
    ['sub_title:string', /Invalid field name/],
    ['userID:uuid', /two capitals/],
    ['id:uuid', /reserved/],
    ['createdAt:datetime', /reserved/],
    ['updatedAt:datetime', /reserved/],
    ['sort:string', /reserved/],
    ['page:integer', /reserved/],
    ['fields:text', /reserved/],
    ['select:string', /SQL reserved word/],
    ['order:integer', /SQL reserved word/],
    ['user:string', /SQL reserved word/],
    ['currentDate:date', /SQL reserved word/],
    ['class:string', /JavaScript reserved word/],
    ['constructor:string', /JavaScript reserved word/],
    ['valueOf:string', /JavaScript reserved word/],
    ['then:string', /reserved word/],
    ['title:string,title:text', /Duplicate field "title"/],
    [`${'a'.repeat(41)}:string`, /too long/],
  ])('refuses %j (exit 2)', (spec, message) => {
    expect(usageError(() => parseFields(spec)).message).toMatch(message);
  });
});

describe('resource names', () => {
  it.each([
    ['product', 'product', 'products', 'products', 'ProductsService'],
    ['products', 'product', 'products', 'products', 'ProductsService'],
    ['category', 'category', 'categories', 'categories', 'CategoriesService'],
    ['statuses', 'status', 'statuses', 'statuses', 'StatusesService'],
    ['blog-post', 'blog-post', 'blog-posts', 'blog_posts', 'BlogPostsService'],
    ['BlogPosts', 'blog-post', 'blog-posts', 'blog_posts', 'BlogPostsService'],
    ['order_item', 'order-item', 'order-items', 'order_items', 'OrderItemsService'],
    ['person', 'person', 'people', 'people', 'PeopleService'],
    ['order', 'order', 'orders', 'orders', 'OrdersService'],
  ])('%s → %s / %s, table %s, %s', (input, singular, plural, table, service) => {
    const names = resourceNames(input);
    expect([names.singular, names.plural, names.table, `${names.pascalPlural}Service`]).toEqual([singular, plural, table, service]);
  });

  it('spells every form of a multi-word name', () => {
    expect(resourceNames('blogPost')).toEqual({
      singular: 'blog-post',
      plural: 'blog-posts',
      camelSingular: 'blogPost',
      camelPlural: 'blogPosts',
      pascalSingular: 'BlogPost',
      pascalPlural: 'BlogPosts',
      constantSingular: 'BLOG_POST',
      table: 'blog_posts',
      humanSingular: 'blog post',
      humanPlural: 'blog posts',
      titleSingular: 'Blog post',
      titlePlural: 'Blog posts',
    });
  });

  it.each([
    ['', /No resource name/],
    ['1product', /Invalid resource name/],
    ['blog--post', /Invalid resource name/],
    ['blog post', /Invalid resource name/],
    ['prod$uct', /Invalid resource name/],
    ['blog-2post', /Invalid resource name/],
    ['page', /taken by the generated code/],
    ['pages', /taken by the generated code/],
    ['class', /reserved word/],
    ['function', /reserved word/],
    ['a'.repeat(41), /too long/],
  ])('refuses the name %j (exit 2)', (input, message) => {
    expect(usageError(() => resourceNames(input)).message).toMatch(message);
  });
});
