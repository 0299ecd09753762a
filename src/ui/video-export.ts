/**
 * "Video (WebM)" and "GIF" of the playback: a dialog to choose the size, the frames per second and
 * the length (shown as frames and months a second before recording), then the recording itself.
 * Every frame moves the playhead to its month and draws the view as the PNG export does (title,
 * legend, caption with the month), scaled into the chosen size, and hands it to the encoder with
 * its own timestamp. Progress shows; Cancel stops and drops the file. The playhead is put back after.
 * A browser without WebCodecs gets a GIF, and a sentence saying why.
 * The encoders (mediabunny, gifenc) are loaded when a recording starts, not with the app.
 */
import { exportFilename } from '../export/data';
import type { FrameContent } from '../export/frame';
import type { FrameEncoder } from '../export/video/encoders';
import {
  checkVideoOptions,
  defaultSeconds,
  evenSize,
  planSummary,
  planVideo,
  VIDEO_LIMITS,
  type VideoOptions,
} from '../export/video/plan';
import { datedMonths, sweepRange } from '../graph/playback';
import { setPlayhead } from '../state/playback';
import type { AppContext } from './context';
import { h } from './dom';
import { downloadBlob } from './download';
import { frameContent } from './export-frame';
import { uniqueId } from './panel-dom';
import './playback.css';

export type VideoFormat = 'webm' | 'gif';

const NO_WEBCODECS =
  'This browser has no WebCodecs video encoder (VideoEncoder), which WebM recording needs, so the playback is recorded as a GIF instead.';

function numberField(label: string, value: number, min: number, max: number, step = 1) {
  const input = h('input', { type: 'number', value, min, max, step, required: true });
  const id = uniqueId('video-field');
  input.id = id;
  return { label: h('label', { for: id, text: label }), input };
}

/**
 * Opens the recording dialog; resolves with the saved file's name, or no name when the reader
 * cancels. Throws when the graph has no dated papers to play. `frame` gives each frame's title,
 * legend and caption as the picture exports do (with the library's key when "Include my library" is
 * ticked: the frames then ring its papers too).
 */
export function recordPlayback(
  ctx: AppContext,
  asked: VideoFormat,
  frame: (date: Date) => FrameContent = (date) => {
    const s = ctx.store.get();
    const { graph, meta } = ctx;
    const theme = ctx.view.images.theme();
    return frameContent(graph, meta, s, ctx.visibility(s.filters), ctx.categories(s.colorBy), theme, date);
  },
): Promise<string[]> {
  const { graph, meta, store } = ctx;
  const doc = document;
  const range = sweepRange({ nodeMonths: datedMonths(graph) }, store.get().filters.years);
  if (!range) return Promise.reject(new Error('No paper shown has a date to play back.'));
  const webCodecs = typeof VideoEncoder !== 'undefined';
  const format: VideoFormat = asked === 'webm' && !webCodecs ? 'gif' : asked;

  const title = h('h2', {
    text: format === 'webm' ? 'Record the playback as a WebM video' : 'Record the playback as a GIF',
  });
  const width = numberField('Width (px)', 1280, VIDEO_LIMITS.minSide, VIDEO_LIMITS.maxSide, 2);
  const height = numberField('Height (px)', 720, VIDEO_LIMITS.minSide, VIDEO_LIMITS.maxSide, 2);
  const seconds = numberField(
    'Length (s)',
    defaultSeconds(range, store.get().playSpeed),
    VIDEO_LIMITS.minSeconds,
    VIDEO_LIMITS.maxSeconds,
  );
  const fpsId = uniqueId('video-fps');
  const fps = h(
    'select',
    { id: fpsId },
    ...VIDEO_LIMITS.fps.map((f) => h('option', { value: f, text: String(f) })),
  );
  fps.value = format === 'gif' ? '10' : '24';
  const summary = h('p', { class: 'la-video-note', 'data-testid': 'video-summary', 'aria-live': 'polite' });
  const why = h('p', {
    class: 'la-video-note is-warning',
    text: NO_WEBCODECS,
    hidden: asked !== 'webm' || webCodecs,
  });
  const progress = h('progress', { class: 'la-video-progress', max: 1, value: 0, hidden: true });
  const status = h('p', { class: 'la-video-note', role: 'status' });
  const record = h('button', { type: 'button', class: 'btn btn-primary', text: 'Record' });
  const cancel = h('button', { type: 'button', class: 'btn', text: 'Cancel' });
  const form = h(
    'div',
    { class: 'la-video-form' },
    width.label,
    width.input,
    height.label,
    height.input,
    h('label', { for: fpsId, text: 'Frames per second' }),
    fps,
    seconds.label,
    seconds.input,
  );
  const dialog = h(
    'dialog',
    { class: 'la-video-dialog', 'aria-label': format === 'webm' ? 'Record a WebM video' : 'Record a GIF' },
    title,
    why,
    form,
    summary,
    progress,
    status,
    h('div', { class: 'la-video-actions' }, cancel, record),
  );
  doc.body.append(dialog);

  const options = (): VideoOptions => ({
    width: width.input.valueAsNumber,
    height: height.input.valueAsNumber,
    fps: Number(fps.value),
    seconds: seconds.input.valueAsNumber,
  });
  const refresh = () => {
    const o = options();
    const problem = checkVideoOptions(o);
    summary.textContent =
      problem ?? `${planSummary(planVideo(range, o), range)} · ${evenSize(o.width)}×${evenSize(o.height)} px`;
    summary.classList.toggle('is-warning', problem !== null);
    record.disabled = problem !== null;
  };
  for (const el of [width.input, height.input, seconds.input, fps]) el.addEventListener('input', refresh);
  refresh();

  return new Promise<string[]>((resolve, reject) => {
    let recording = false;
    let cancelled = false;
    const finish = (result: string[] | Error) => {
      dialog.close();
      dialog.remove();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    cancel.addEventListener('click', () => {
      if (recording) {
        cancelled = true;
        status.textContent = 'Cancelling…';
      } else finish([]);
    });
    dialog.addEventListener('cancel', (e) => {
      // Escape: cancels the recording too
      e.preventDefault();
      cancel.click();
    });
    record.addEventListener('click', () => {
      const o = options();
      if (checkVideoOptions(o) !== null) return;
      recording = true;
      record.disabled = true;
      for (const el of [width.input, height.input, seconds.input, fps]) el.disabled = true;
      progress.hidden = false;
      const plan = planVideo(range, { ...o, width: evenSize(o.width), height: evenSize(o.height) });
      void (async () => {
        const original = store.get().filters.playhead ?? null;
        let encoder: FrameEncoder | null = null;
        let frames: ReturnType<AppContext['view']['images']['canvases']> | null = null;
        try {
          status.textContent = 'Loading the encoder…';
          const canvas = doc.createElement('canvas');
          canvas.width = plan.width;
          canvas.height = plan.height;
          const g = canvas.getContext('2d', { willReadFrequently: format === 'gif' })!;
          const date = new Date();
          const content = () => frame(date);
          const rings = content().library != null;
          // the scale that fits the last (fullest) frame into the size; every frame is drawn at it
          store.update((s) => setPlayhead(s, range[1], range));
          const once = ctx.view.images.canvases(1, rings);
          let reference: HTMLCanvasElement;
          try {
            reference = once.draw(content());
          } finally {
            once.close();
          }
          const scale = Math.min(plan.width / reference.width, plan.height / reference.height);
          const ox = Math.floor((plan.width - reference.width * scale) / 2);
          const oy = Math.floor((plan.height - reference.height * scale) / 2);
          encoder =
            format === 'webm'
              ? await (await import('../export/video/webm')).createWebmEncoder(canvas, plan.fps)
              : (await import('../export/video/gif')).createGifEncoder(canvas, plan.fps);
          const background = ctx.view.images.theme().background;
          frames = ctx.view.images.canvases(scale, rings);
          for (let i = 0; i < plan.frames; i++) {
            if (cancelled) break;
            store.update((s) => setPlayhead(s, plan.months[i]!, range));
            const drawn = frames.draw(content());
            g.fillStyle = background;
            g.fillRect(0, 0, plan.width, plan.height);
            g.drawImage(drawn, ox, oy);
            await encoder.add(i);
            progress.value = (i + 1) / plan.frames;
            status.textContent = `Frame ${i + 1} of ${plan.frames}`;
            // let the page paint the progress
            await new Promise((r) => setTimeout(r, 0));
          }
          if (cancelled) {
            await encoder.cancel();
            finish([]);
            return;
          }
          status.textContent = 'Finishing the file…';
          const bytes = await encoder.finish();
          const name = exportFilename(meta, 'visible', date, encoder.extension, 'playback');
          downloadBlob(doc, new Blob([new Uint8Array(bytes)], { type: encoder.mime }), name);
          finish([name]);
        } catch (e) {
          await encoder?.cancel().catch(() => {});
          finish(e instanceof Error ? e : new Error(String(e)));
        } finally {
          frames?.close();
          store.update((s) => setPlayhead(s, original));
        }
      })();
    });
    dialog.showModal();
    record.focus();
  });
}
