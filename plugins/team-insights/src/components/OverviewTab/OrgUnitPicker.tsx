import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

interface Option {
  ref: string;
  title: string;
}

function toOption(entity: Entity): Option {
  return {
    ref: stringifyEntityRef(entity),
    title: entity.metadata.title || entity.metadata.name,
  };
}

/**
 * Picks an organisational unit: Groups from the catalog that are not teams,
 * searched as the user types.
 */
export function OrgUnitPicker(props: {
  value?: string;
  onChange: (ref: string | undefined) => void;
}) {
  const { value, onChange } = props;
  const catalogApi = useApi(catalogApiRef);
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(input), 300, [input]);

  const { value: options = [], loading } = useAsync(async () => {
    const response = await catalogApi.queryEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.type',
      ],
      ...(term
        ? {
            fullTextFilter: {
              term,
              fields: ['metadata.name', 'metadata.title'],
            },
          }
        : {}),
      limit: 50,
    });
    return response.items
      .filter(entity => (entity.spec as { type?: string })?.type !== 'team')
      .map(toOption);
  }, [catalogApi, term]);

  const selected: Option | null = value
    ? options.find(o => o.ref === value) ?? { ref: value, title: value }
    : null;

  return (
    <Autocomplete<Option>
      options={options}
      loading={loading}
      value={selected}
      getOptionLabel={option => option.title}
      getOptionSelected={(option, current) => option.ref === current.ref}
      onChange={(_event, option) => onChange(option?.ref)}
      onInputChange={(_event, text) => setInput(text)}
      filterOptions={all => all}
      renderInput={params => (
        <TextField
          {...params}
          label="Organisational unit"
          variant="outlined"
          size="small"
        />
      )}
    />
  );
}
