/**
 * The preview's own WebGL program (preview.ts): each paper a disc, drawn as one point sprite. It
 * draws what sigma's circle program draws for a node at the default camera (the same matrix, a
 * radius of `size` pixels, a one-pixel antialiased rim, premultiplied colours), without sigma: the
 * preview's chunk loads with the page's first module (boot/early-picture.ts), before sigma's code.
 * GLSL ES 1.00: WebGL 1 and 2.
 */

const VERTEX = `
attribute vec2 a_position;
attribute float a_radius;
attribute vec4 a_color;
uniform mat3 u_matrix;
uniform float u_pixelRatio;
varying vec4 v_color;
varying float v_radius;
void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1.0)).xy, 0.0, 1.0);
  // in device pixels, with one to spare for the rim
  v_radius = a_radius * u_pixelRatio;
  gl_PointSize = 2.0 * (v_radius + 1.0);
  v_color = vec4(a_color.rgb * a_color.a, a_color.a);
}`;

const FRAGMENT = `
precision highp float;
varying vec4 v_color;
varying float v_radius;
uniform float u_pixelRatio;
void main() {
  float diameter = 2.0 * (v_radius + 1.0);
  float distance = length(gl_PointCoord - vec2(0.5)) * diameter;
  // opaque to one CSS pixel inside the radius, then fading out to the radius
  float fade = clamp((distance - v_radius + u_pixelRatio) / u_pixelRatio, 0.0, 1.0);
  if (fade >= 1.0) discard;
  gl_FragColor = v_color * (1.0 - fade);
}`;

/** One paper as the program reads it. */
export interface Disc {
  /** Position in sigma's normalised graph space. */
  x: number;
  y: number;
  /** Radius in CSS pixels. */
  radius: number;
  /** Straight (not premultiplied) RGBA, 0–255 each. */
  rgba: readonly [number, number, number, number];
}

/** Floats per disc in the vertex buffer: x, y, radius, and the four colour bytes in one slot. */
export const DISC_FLOATS = 4;

/** Writes `discs` into one buffer, laid out as the program reads it. Pure. */
export function discBuffer(discs: ArrayLike<Disc>): ArrayBuffer {
  const buffer = new ArrayBuffer(discs.length * DISC_FLOATS * 4);
  const floats = new Float32Array(buffer);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < discs.length; i++) {
    const d = discs[i]!;
    const at = i * DISC_FLOATS;
    floats[at] = d.x;
    floats[at + 1] = d.y;
    floats[at + 2] = d.radius;
    bytes.set(d.rgba, (at + 3) * 4);
  }
  return buffer;
}

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('preview: no shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return shader;
}

export interface DiscProgram {
  draw(matrix: Float32Array, pixelRatio: number): void;
  kill(): void;
}

/**
 * Uploads the discs of `buffer` (see `discBuffer`) and returns a program that draws them over the
 * whole canvas. Throws when the shaders do not link (the caller draws no preview then).
 */
export function discProgram(
  gl: WebGLRenderingContext | WebGL2RenderingContext,
  buffer: ArrayBuffer,
): DiscProgram {
  const vertex = compile(gl, gl.VERTEX_SHADER, VERTEX);
  const fragment = compile(gl, gl.FRAGMENT_SHADER, FRAGMENT);
  const program = gl.createProgram();
  if (!program) throw new Error('preview: no program');
  gl.attachShader(program, vertex);
  gl.attachShader(program, fragment);
  gl.linkProgram(program);
  // read only now: the compilation and link ran meanwhile (an error shows in the link status)
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`preview: ${gl.getProgramInfoLog(program) ?? 'the program did not link'}`);
  const vbo = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, vbo);
  gl.bufferData(gl.ARRAY_BUFFER, buffer, gl.STATIC_DRAW);
  const stride = DISC_FLOATS * 4;
  const attribute = (name: string, size: number, type: number, normalized: boolean, offset: number) => {
    const at = gl.getAttribLocation(program, name);
    gl.enableVertexAttribArray(at);
    gl.vertexAttribPointer(at, size, type, normalized, stride, offset);
  };
  attribute('a_position', 2, gl.FLOAT, false, 0);
  attribute('a_radius', 1, gl.FLOAT, false, 8);
  attribute('a_color', 4, gl.UNSIGNED_BYTE, true, 12);
  const count = buffer.byteLength / stride;
  return {
    draw(matrix, pixelRatio) {
      gl.useProgram(program);
      gl.uniformMatrix3fv(gl.getUniformLocation(program, 'u_matrix'), false, matrix);
      gl.uniform1f(gl.getUniformLocation(program, 'u_pixelRatio'), pixelRatio);
      gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.drawArrays(gl.POINTS, 0, count);
    },
    kill() {
      gl.deleteBuffer(vbo);
      gl.deleteProgram(program);
      gl.deleteShader(vertex);
      gl.deleteShader(fragment);
    },
  };
}
