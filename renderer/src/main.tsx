import './styles/fonts.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/screens.css';
import './styles/service.css';
import './styles/reach.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bridgeFromWindow } from './bridge';
import { ServiceScreen } from './screens/ServiceScreen';
import { FlowProvider } from './store/context';
import { ServiceBridgeProvider } from './service/context';
import { createFlowStore } from './store/flow-store';

const root = createRoot(document.getElementById('root')!);
const bridge = bridgeFromWindow();

if (!bridge) {
  // Without a host there is nothing to book through; say so instead of a blank screen.
  root.render(
    <div className="app" data-orientation="portrait">
      <ServiceScreen />
    </div>,
  );
} else {
  const store = createFlowStore(bridge);
  void store.getState().boot();
  root.render(
    <StrictMode>
      <FlowProvider store={store}>
        <ServiceBridgeProvider bridge={bridge}>
          <App />
        </ServiceBridgeProvider>
      </FlowProvider>
    </StrictMode>,
  );
}
