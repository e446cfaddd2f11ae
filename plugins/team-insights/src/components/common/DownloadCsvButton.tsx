import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { ErrorPanel } from './ErrorPanel';

/** Saves text as a file in the browser's downloads. */
export function saveFile(text: string, filename: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // the download has started; the URL is not needed any longer
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Download CSV": asks the backend for the CSV of what is shown (all pages,
 * the caller's visibility) and saves it as `filename`.
 */
export function DownloadCsvButton(props: {
  load: () => Promise<string>;
  filename: string;
  /** The accessible name, when "Download CSV" alone would be ambiguous. */
  label?: string;
}) {
  const { load, filename, label } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const onClick = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveFile(await load(), filename);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<GetAppIcon aria-hidden />}
        onClick={onClick}
        disabled={busy}
        aria-label={label}
      >
        Download CSV
      </Button>
      {error && <ErrorPanel error={error} />}
    </>
  );
}
